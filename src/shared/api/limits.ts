/** Size bounds checked before anything is read into memory (architecture.md, Security rules). */

/** Largest document file accepted by the store and by the registration form: 100 MiB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Largest JSON body the web host reads: a base64 file of MAX_FILE_BYTES plus envelope. */
export const MAX_REQUEST_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;

/** Most rows a printed or exported register may carry in one request. */
export const MAX_REPORT_ROWS = 250_000;

/** Longest password accepted (scrypt input); shortest is in the schema. */
export const MAX_PASSWORD_LENGTH = 256;
