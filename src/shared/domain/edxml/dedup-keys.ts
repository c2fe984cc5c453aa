/**
 * Duplicate detection keys of a document package (issue 8; standards.md §7.3: DocumentId formats differ, so
 * duplicates are detected on several keys). A package is a duplicate of an earlier one when ANY key matches:
 * the same DocumentId, the same (From OrganId, số/ký hiệu, PromulgationDate), or the same attachment file.
 * The keys are prefixed strings so one index can hold all three kinds.
 */
import type { DocumentCode, EdocHeader } from './model';

export interface DedupKeys {
  /** `doc:<DocumentId>` (opaque, only trimmed); null when empty. */
  documentId: string | null;
  /** `code:<OrganId>|<số>/<ký hiệu>|<yyyy-MM-dd>` normalised; null when any part is missing. */
  organCodeDate: string | null;
  /** `file:<sha256>` per attachment, sorted, without repeats. */
  attachments: string[];
  /** All of the above in one list. */
  all: string[];
}

/** Số without leading zeros, ký hiệu in NFC upper case without spaces: '05' + 'ubnd-vp' → '5/UBND-VP'. */
export function normalizedCode(code: DocumentCode): string | null {
  const number = code.codeNumber.normalize('NFC').trim().replace(/^0+(?=\d)/u, '');
  const notation = code.codeNotation.normalize('NFC').replace(/\s+/gu, '').toUpperCase();
  return number === '' || notation === '' ? null : `${number}/${notation}`;
}

/** The keys of a package (header as parsed or built, attachments with their sha256). */
export function dedupKeys(
  header: Pick<EdocHeader, 'documentId' | 'from' | 'code' | 'promulgationInfo'>,
  attachments: ReadonlyArray<{ sha256: string }>,
): DedupKeys {
  const id = header.documentId.trim();
  const documentId = id === '' ? null : `doc:${id}`;
  const organ = header.from.organId.trim().toUpperCase();
  const code = normalizedCode(header.code);
  const date = header.promulgationInfo.date;
  const organCodeDate = organ !== '' && code !== null && date !== null ? `code:${organ}|${code}|${date}` : null;
  const files = [...new Set(attachments.map((a) => `file:${a.sha256.toLowerCase()}`))].sort();
  const all = [...(documentId ? [documentId] : []), ...(organCodeDate ? [organCodeDate] : []), ...files];
  return { documentId, organCodeDate, attachments: files, all };
}
