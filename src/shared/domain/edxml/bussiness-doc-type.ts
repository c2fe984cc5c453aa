/**
 * BussinessDocType (standards.md §0.4, §1.3; the Bkav enum NEW, REVOKE, UPDATE, REPLACE): what an edoc package
 * does to a document. Revocation also travels as status 13 (answered 15/16); both are accepted (§7.4).
 */
import type { BussinessDocType } from './model';

export const BUSSINESS_DOC_TYPES = [0, 1, 2, 3] as const;

/** Stable names for code and logs. */
export const BUSSINESS_DOC_TYPE_NAMES: Readonly<Record<BussinessDocType, 'new' | 'revoke' | 'update' | 'replace'>> = {
  0: 'new',
  1: 'revoke',
  2: 'update',
  3: 'replace',
};

/** The default `BussinessDocReason` written for each type (wording of the SDK samples). */
export const BUSSINESS_DOC_REASONS: Readonly<Record<BussinessDocType, string>> = {
  0: 'Văn bản điện tử mới',
  1: 'Thu hồi văn bản điện tử',
  2: 'Cập nhật văn bản điện tử',
  3: 'Văn bản thay thế',
};

/** Whether `value` is 0, 1, 2 or 3. */
export function isBussinessDocType(value: unknown): value is BussinessDocType {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

/** Reads the element text ('0'…'3', surrounding spaces allowed); null for anything else. */
export function parseBussinessDocType(text: string): BussinessDocType | null {
  const t = typeof text === 'string' ? text.trim() : '';
  if (!/^\d$/.test(t)) return null;
  const n = Number(t);
  return isBussinessDocType(n) ? n : null;
}
