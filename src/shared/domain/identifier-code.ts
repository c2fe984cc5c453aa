/**
 * Agency identifier codes (mã định danh) in the QCVN 102:2016 form used on the exchange axis: 13 characters in
 * four dot-separated groups, level-1 code last, e.g. '000.00.00.H35' (QĐ 28/2018/QĐ-TTg Art. 10.2a; NĐ 30
 * Phụ lục VI: OrganId String(13)). standards.md §3.0: emit only codes matching the strict pattern; accept the
 * tolerant pattern on receipt; accept anything else on receipt only with a warning; never enforce the hierarchy.
 */

/** UBND tỉnh Lai Châu (level-1 code H35; standards.md §3.3). */
export const LAI_CHAU_CODE = '000.00.00.H35';

/** What we emit (standards.md §3.0). */
export const STRICT_AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
/** What we accept without a warning (standards.md §3.0), e.g. '001.00.20.JB2'. */
export const TOLERANT_AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;

export type AgencyCodeLevel = 'strict' | 'tolerant' | 'invalid';

/**
 * 'strict' (may be emitted), 'tolerant' (accepted on receipt) or 'invalid' (accept on receipt with a warning,
 * never emit). Surrounding spaces are ignored; letter case is not (the codes are upper case).
 */
export function checkAgencyCode(code: string): { level: AgencyCodeLevel } {
  if (typeof code !== 'string') return { level: 'invalid' };
  const text = code.trim();
  if (STRICT_AGENCY_CODE.test(text)) return { level: 'strict' };
  if (TOLERANT_AGENCY_CODE.test(text)) return { level: 'tolerant' };
  return { level: 'invalid' };
}

/** Whether we may put this code in an outgoing package or our own settings (strict pattern only). */
export function isEmittableAgencyCode(code: string): boolean {
  return typeof code === 'string' && STRICT_AGENCY_CODE.test(code);
}

/** The level-1 group (ministry, province …) of a code of the QCVN 102 form, e.g. 'H35'; null otherwise. */
export function levelOneCode(code: string): string | null {
  return checkAgencyCode(code).level === 'invalid' ? null : code.trim().slice(-3);
}
