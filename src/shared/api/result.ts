/**
 * Every call across the main/renderer boundary resolves to a Result: nothing is thrown across it
 * (house rule 6). The renderer turns `error.code` into Vietnamese text through `i18n/vi.ts`.
 */

/** Closed union of the error codes a call may answer with. Unknown causes become INTERNAL. */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_LARGE',
  'EMPTY_FILE',
  'NOT_PDF',
  'INTEGRITY',
  'CANCELLED',
  'TOKEN_ABSENT',
  'PIN_INCORRECT',
  'PIN_LOCKED',
  'CERT_EXPIRED',
  'CERT_REVOKED',
  'AXIS_UNREACHABLE',
  'AXIS_REJECTED',
  'AXIS_NOT_CONFIGURED',
  'TSA_UNAVAILABLE',
  'SCANNER_UNAVAILABLE',
  'SCANNER_JAMMED',
  'SCANNER_COVER_OPEN',
  'FEEDER_EMPTY',
  'SCAN_IMAGE_CORRUPT',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppError {
  code: AppErrorCode;
  /** Developer-facing detail (English or Vietnamese); the UI shows the i18n text for `code`. */
  message: string;
  /** Optional structured detail, e.g. the schema issues of a VALIDATION error, or tries left for a PIN. */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: AppErrorCode, message: string, details?: Record<string, unknown>): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** An error a service throws on purpose; the host turns it into `{ ok: false }` with this code. */
export class AppFailure extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.details = details;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && (APP_ERROR_CODES as readonly string[]).includes(value);
}
