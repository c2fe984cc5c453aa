/**
 * Checks a chosen file before anything is uploaded (architecture.md: "sizes are bounded before anything is
 * read into memory"). The size comes from `file.size`, so a 300 MB scan is refused without reading a byte;
 * only then are the first five bytes read to look for the `%PDF-` header.
 */
import { MAX_FILE_BYTES } from '../../../shared/api/limits';

/** The codes a pre-check can answer with; their Vietnamese text is in i18n/vi.ts (ERROR_MESSAGES). */
export type FileCheckCode = 'EMPTY_FILE' | 'TOO_LARGE' | 'NOT_PDF';

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Size rule alone: 0 bytes → EMPTY_FILE, above MAX_FILE_BYTES (100 MB) → TOO_LARGE, else null. */
export function checkFileSize(size: number): FileCheckCode | null {
  if (!Number.isFinite(size) || size <= 0) return 'EMPTY_FILE';
  if (size > MAX_FILE_BYTES) return 'TOO_LARGE';
  return null;
}

/** Header rule alone: the bytes must start with `%PDF-`. */
export function checkPdfHeader(head: Uint8Array): FileCheckCode | null {
  if (head.length < PDF_MAGIC.length) return 'NOT_PDF';
  return PDF_MAGIC.every((b, i) => head[i] === b) ? null : 'NOT_PDF';
}

/** Minimal view of a File: enough for the checks, easy to fake in tests. */
export interface FileLike {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Full pre-check of a chosen file. Reads at most five bytes, and only after the size has passed.
 * Resolves to null when the file may be uploaded.
 */
export async function precheckFile(file: FileLike): Promise<FileCheckCode | null> {
  const sizeProblem = checkFileSize(file.size);
  if (sizeProblem !== null) return sizeProblem;
  const head = new Uint8Array(await file.slice(0, PDF_MAGIC.length).arrayBuffer());
  return checkPdfHeader(head);
}
