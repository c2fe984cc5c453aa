/**
 * The exchange.sendDocument request for an issued document (issue 8; QCVN 102 header fields): số and ký hiệu split
 * from the register's "05/QĐ-UBND", the type's name, the date, the signer, the main file and its attachments.
 * Pure; main builds and validates the package strictly before spooling it.
 */
import type { SendDocumentRequest } from '../../../shared/api/exchange-flow-schemas';
import { documentTypeById } from '../../../shared/domain/document-types';
import type { RegisterRow } from '../../db/records';

export interface SendChoices {
  place: string;
  signerName: string;
  signerPosition: string;
  to: string[];
}

/** "05/QĐ-UBND" → { codeNumber: "05", codeNotation: "QĐ-UBND" }. */
export function splitCodeNotation(text: string): { codeNumber: string; codeNotation: string } {
  const slash = text.indexOf('/');
  if (slash <= 0) return { codeNumber: text.trim(), codeNotation: text.trim() };
  return { codeNumber: text.slice(0, slash).trim(), codeNotation: text.slice(slash + 1).trim() };
}

/** A file name safe on every receiver's system: letters of the notation, digits, '-' and '_'. */
function fileNameOf(codeNotation: string, suffix: string): string {
  const base = codeNotation
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'van-ban'}${suffix}.pdf`;
}

export function sendRequestOf({ entry, document }: RegisterRow, choices: SendChoices): SendDocumentRequest {
  const { codeNumber, codeNotation } = splitCodeNotation(document.codeNotation);
  const attachments = [
    { sha256: document.fileSha256, name: fileNameOf(document.codeNotation, '') },
    ...(document.attachmentSha256s ?? []).map((sha256, i) => ({ sha256, name: fileNameOf(document.codeNotation, `-phu-luc-${i + 1}`) })),
  ];
  return {
    codeNumber,
    codeNotation,
    subject: document.abstract,
    typeName: documentTypeById(document.typeId)?.name ?? 'Công văn',
    promulgationDate: document.documentDate,
    place: choices.place.trim(),
    signerName: choices.signerName.trim(),
    signerPosition: choices.signerPosition.trim(),
    urgency: entry.urgency,
    attachments,
    to: choices.to,
    ref: document.id,
  };
}
