/**
 * The API the scan view and the host use (issue 9): a scanned PDF in, the register fields out.
 *
 *   const result = await extractFromPdf(bytes, { signal, onProgress });
 *   result.fields.codeNotation   // '12/QĐ-UBND'
 *   result.confidence.date       // 0.96; below TRUSTED_CONFIDENCE (0.8) the form highlights the field
 *   result.boxes.date            // { page: 0, x, y, width, height } normalized to the page
 *   result.text                  // OCR text: store it beside the original (blob store, text/plain)
 *
 * The PDF is never rewritten. Pages with a text layer are read from it, not OCRed again. OCR runs tesseract in
 * child processes, page by page, so the caller's thread never blocks; `signal` kills the running tool.
 */
import { AppFailure } from '../../../shared/api/result';
import type { ExtractionResult } from '../../../shared/api/ocr-schemas';
import { readPdfPages } from '../ocr/read-pdf-pages';
import { extractFields, type ExtractOptions } from './extract-fields';

export interface ExtractFromPdfOptions extends ExtractOptions {
  signal?: AbortSignal;
  /** Pages read so far, pages in total. */
  onProgress?: (done: number, total: number) => void;
  /** tesseract program (default on PATH). */
  tesseract?: string;
}

/** Message when no page of the document has any text (only blank pages, or an unreadable scan). */
export const NO_TEXT_VI = 'Không nhận dạng được chữ nào trong tệp: các trang trống hoặc ảnh quét quá mờ. Hãy quét lại hoặc nhập tay.';

/**
 * Reads `bytes` (a PDF) and extracts the register fields. Errors (AppFailure): VALIDATION, EMPTY_FILE (empty
 * file, no pages, or no text on any page: details.noText), TOO_LARGE, NOT_PDF, SCAN_IMAGE_CORRUPT, INTERNAL
 * (details.missing when tesseract or poppler is not installed), CANCELLED.
 */
export async function extractFromPdf(bytes: Uint8Array, options: ExtractFromPdfOptions = {}): Promise<ExtractionResult> {
  const pages = await readPdfPages(bytes, { signal: options.signal, onProgress: options.onProgress, tesseract: options.tesseract });
  if (pages.every((p) => p.source === 'blank')) throw new AppFailure('EMPTY_FILE', NO_TEXT_VI, { noText: true, pages: pages.length });
  return extractFields(pages, options);
}
