/**
 * A rule of the domain refused an input (house rule 6: errors are data). `code` is stable and machine-readable;
 * `message` is a Vietnamese sentence for logs and developers; the UI shows its own i18n text for the code.
 */

/** Stable codes of every DomainError the shared rules throw. */
export const DOMAIN_ERROR_CODES = [
  'ALREADY_CANCELLED',
  'REASON_REQUIRED',
  'INVALID_NUMBER',
  'INVALID_CODE_PART',
  'MISSING_UNIT',
  'INVALID_LUNAR_DATE',
  'INVALID_OFFICE_HOURS',
  'NO_WORKING_DAY',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/** Whether `value` is a DomainError (optionally with the given code). */
export function isDomainError(value: unknown, code?: DomainErrorCode): value is DomainError {
  return value instanceof DomainError && (code === undefined || value.code === code);
}
