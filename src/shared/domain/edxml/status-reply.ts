/**
 * Status packages that answer a document (standards.md §1.6): the ResponseFor of a received document, a reply
 * with a given code (01 on arrival, NĐ 30 Art. 21.2c; 03 on registration; 15/16 to a revocation …), and the 02
 * that returns a rejected package with its reason where the sender is known (Quy chế Art. 9.2). Pure: the caller
 * passes the instant.
 */
import { edxmlLocalTimestamp } from './edxml-dates';
import type { EdocHeader, Organization, ResponseFor, StaffInfo, StatusHeader } from './model';
import { canAnswerRejection, type PackageRejection } from './rejection';
import { statusCodeInfo, type StatusCode } from './status-codes';

/** The ResponseFor naming a received (or sent) document: sender, "số/ký hiệu", date, DocumentId. */
export function responseForDocument(header: Pick<EdocHeader, 'from' | 'code' | 'promulgationInfo' | 'documentId'>): ResponseFor {
  const code = [header.code.codeNumber.trim(), header.code.codeNotation.trim()].filter((p) => p !== '').join('/');
  return { organId: header.from.organId, code, promulgationDate: header.promulgationInfo.date, documentId: header.documentId };
}

export interface StatusReplyInput {
  about: ResponseFor;
  /** Our agency. */
  from: Organization;
  statusCode: StatusCode;
  /** The reason (required by the validator for 02, 13, 16); default: the code's own wording for the others. */
  description?: string;
  staffInfo?: StaffInfo;
  at: Date;
}

/** A status header ready for buildStatus. */
export function statusReply(input: StatusReplyInput): StatusHeader {
  const info = statusCodeInfo(input.statusCode);
  const out: StatusHeader = { from: input.from, responseFor: input.about, statusCode: input.statusCode, timestamp: edxmlLocalTimestamp(input.at) };
  const description = input.description ?? (info && !info.reasonRequired ? info.meaning : undefined);
  if (description !== undefined) out.description = description;
  if (input.staffInfo) out.staffInfo = input.staffInfo;
  return out;
}

/**
 * The status 02 answering a rejected package, with the rejection reason as Description, or null when it cannot
 * be answered (sender unknown, a status package, or nothing read that names the document).
 */
export function rejectionReply(rejection: PackageRejection, from: Organization, at: Date): StatusHeader | null {
  if (!canAnswerRejection(rejection) || !rejection.sender) return null;
  const rf = rejection.responseFor ?? {};
  const about: ResponseFor = { organId: rejection.sender.organId, code: rf.code ?? '', promulgationDate: rf.promulgationDate ?? null, documentId: rf.documentId ?? '' };
  if (about.documentId === '' && (about.code === '' || about.promulgationDate === null)) return null;
  return statusReply({ about, from, statusCode: '02', description: `Từ chối tiếp nhận: ${rejection.reason}`, at });
}
