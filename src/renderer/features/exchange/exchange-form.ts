/**
 * The registration form filled from the edXML header of a received document (issue 8; Quy chế Art. 9.2: the
 * received document waits "with the registration form already filled", so the clerk registers it with Enter).
 * Pure: the same FormValues the paper registration uses (features/registration/form-state.ts).
 */
import type { IncomingFlowRecord } from '../../../shared/api/exchange-flow-schemas';
import { documentTypeByAbbreviation, documentTypeByName } from '../../../shared/domain/document-types';
import { formatDateVN, isIsoDate } from '../../../shared/util/time';
import { vi } from '../../i18n/vi';
import { emptyForm, type FormValues } from '../registration/form-state';

/** Số, ký hiệu as written on the document: CodeNumber "12" + CodeNotation "QĐ-UBND" → "12/QĐ-UBND". */
export function codeNotationOf(flow: Pick<IncomingFlowRecord, 'codeNumber' | 'codeNotation'>): string {
  const number = flow.codeNumber.trim();
  const notation = flow.codeNotation.trim();
  if (number === '') return notation;
  if (notation === '' || notation.startsWith(`${number}/`)) return notation || number;
  return `${number}/${notation}`;
}

/** The document type from TypeName, else from the abbreviation in the notation ("QĐ-UBND" → Quyết định). */
function typeIdOf(flow: IncomingFlowRecord): FormValues['typeId'] {
  const byName = documentTypeByName(flow.typeName);
  if (byName) return byName.id;
  const abbreviation = flow.codeNotation.split('-')[0] ?? '';
  return documentTypeByAbbreviation(abbreviation)?.id ?? emptyForm().typeId;
}

/** Form values from the header: type, số/ký hiệu, issuer, date, abstract, urgency, and where it came from. */
export function formFromFlow(flow: IncomingFlowRecord): FormValues {
  const signer = [flow.signerPosition, flow.signerName].map((s) => s.trim()).filter((s) => s !== '').join(' ');
  return {
    ...emptyForm(),
    typeId: typeIdOf(flow),
    codeNotation: codeNotationOf(flow),
    issuer: (flow.fromName ?? '').trim() || flow.from,
    documentDate: flow.promulgationDate && isIsoDate(flow.promulgationDate) ? formatDateVN(flow.promulgationDate) : '',
    abstract: flow.subject.trim(),
    urgency: flow.urgency,
    note: vi.exchange.incoming.note(flow.from, signer).slice(0, 500),
  };
}

/** The file registered for the document: the first PDF of the package (null when it carries none). */
export function mainPdfOf(flow: IncomingFlowRecord): { sha256: string; size: number; name: string } | null {
  const pdf = flow.attachments.find((a) => a.pdf);
  return pdf ? { sha256: pdf.sha256, size: pdf.size, name: pdf.name } : null;
}
