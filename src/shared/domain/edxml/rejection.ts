/**
 * Why an incoming package was refused. Every malformed package is rejected with a reason, kept in quarantine
 * by the caller and, where the sender can be identified, answered with status 02 carrying `reason` (issue 8;
 * Quy chế Art. 9.2: the receiver returns an invalid document with the reason).
 */
import type { ResponseFor } from './model';

export const REJECTION_CODES = [
  'PACKAGE_TOO_LARGE',
  'TOO_DEEP',
  'TOO_MANY_ELEMENTS',
  'TEXT_TOO_LONG',
  'TOO_MANY_ATTACHMENTS',
  'ATTACHMENT_TOO_LARGE',
  'DOCTYPE_FORBIDDEN',
  'MALFORMED_XML',
  'NOT_UTF8',
  'WRONG_NAMESPACE',
  'NOT_A_PACKAGE',
  'MISSING_ELEMENT',
  'INVALID_VALUE',
  'BAD_BASE64',
  'EMPTY_ATTACHMENT',
  'ATTACHMENT_MISMATCH',
  'ZIP_INVALID',
  'ZIP_TOO_MANY_ENTRIES',
  'ZIP_BOMB',
  'UNREADABLE',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A refused package. `sender`/`responseFor` are what was read before the fault, for the caller's status 02. */
export interface PackageRejection {
  kind: 'rejected';
  code: RejectionCode;
  /** Vietnamese sentence, fit to be the `Description` of the status 02 sent back. */
  reason: string;
  /** Where the fault was found (slash path of local names), when known. */
  path?: string;
  /** From/OrganId (+ OrganName) when they were read before the fault; null when the sender is unknown. */
  sender: { organId: string; organName?: string } | null;
  /**
   * The document this package carried, as far as it was read (DocumentId, Code, PromulgationDate): enough to
   * fill the ResponseFor of the status 02. Null when nothing was read, or for a status package.
   */
  responseFor: Partial<ResponseFor> | null;
  /** 'edoc' or 'status' when the MessageHeader showed which, else null. */
  packageKind: 'edoc' | 'status' | null;
}

/** Whether a status 02 can be sent for this rejection (the sender is known and it was a document). */
export function canAnswerRejection(r: PackageRejection): boolean {
  return r.sender !== null && r.sender.organId.trim() !== '' && r.packageKind !== 'status';
}
