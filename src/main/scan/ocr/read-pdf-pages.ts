/**
 * Reads every page of a PDF into words with boxes: the PDF's own text layer where a page has one (it is used,
 * not OCRed again: issue 9, "a PDF that already has a text layer"), tesseract on the page image otherwise.
 * Pages run one after another in child processes; progress is reported per page and the signal cancels the
 * running tool. The input bytes are only copied to a private temporary folder, which is removed afterwards.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../../shared/api/limits';
import { AppFailure } from '../../../shared/api/result';
import { pageImage, readPageSizes, readTextLayer } from './pdf-pages';
import { recognizePage } from './tesseract-runner';
import { isMissingTool, runTool } from './run-tool';
import type { OcrPage, OcrWord } from './ocr-word';

/** Below this resolution a page is enlarged before OCR (fax-quality and 100 dpi scans). */
export const LOW_DPI = 150;
/** A page with fewer characters than this is a blank page (e.g. the empty back of a sheet). */
const MIN_PAGE_CHARS = 4;

export interface ReadPagesOptions {
  signal?: AbortSignal;
  /** Called after each page: pages done, pages in total. */
  onProgress?: (done: number, total: number) => void;
  /** tesseract program (default on PATH). */
  tesseract?: string;
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AppFailure('CANCELLED', 'Công việc đã bị hủy.');
}

function hasText(words: readonly OcrWord[]): boolean {
  let chars = 0;
  for (const w of words) chars += w.text.replace(/[^\p{L}\p{N}]/gu, '').length;
  return chars >= MIN_PAGE_CHARS;
}

/** Enlarges a low-resolution page 2× (ImageMagick); keeps the original when ImageMagick is missing. */
async function upscale(image: { path: string; dpi: number }, workDir: string, signal?: AbortSignal): Promise<{ path: string; dpi: number }> {
  const out = join(workDir, `up-${Date.now()}.png`);
  try {
    const run = await runTool('convert', [image.path, '-filter', 'Triangle', '-resize', '200%', out], { signal, timeoutMs: 60_000 });
    return run.code === 0 ? { path: out, dpi: image.dpi * 2 } : image;
  } catch (err) {
    if (isMissingTool(err)) return image;
    throw err;
  }
}

/**
 * Words of every page. Errors: VALIDATION (not bytes), EMPTY_FILE, TOO_LARGE (file, pages or pixels), NOT_PDF,
 * SCAN_IMAGE_CORRUPT (a page image tesseract cannot read), INTERNAL with details.missing (tesseract/poppler
 * absent), CANCELLED. A page without any text is returned with source 'blank', not an error.
 */
export async function readPdfPages(bytes: Uint8Array, options: ReadPagesOptions = {}): Promise<OcrPage[]> {
  const { signal, onProgress } = options;
  if (!(bytes instanceof Uint8Array)) throw new AppFailure('VALIDATION', 'Dữ liệu vào phải là nội dung tệp PDF.');
  if (bytes.length === 0) throw new AppFailure('EMPTY_FILE', 'Tệp rỗng: không có gì để nhận dạng.');
  if (bytes.length > MAX_FILE_BYTES) throw new AppFailure('TOO_LARGE', `Tệp lớn hơn giới hạn ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  if (Buffer.from(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new AppFailure('NOT_PDF', 'Tệp không phải PDF (thiếu phần đầu %PDF-).');
  throwIfAborted(signal);
  const workDir = await mkdtemp(join(tmpdir(), 'vanthu-ocr-'));
  try {
    const pdfPath = join(workDir, 'in.pdf');
    await writeFile(pdfPath, bytes);
    const sizes = await readPageSizes(pdfPath, signal);
    const layer = await readTextLayer(pdfPath, sizes.length, signal);
    const pages: OcrPage[] = [];
    onProgress?.(0, sizes.length);
    for (let i = 0; i < sizes.length; i += 1) {
      throwIfAborted(signal);
      const size = sizes[i] ?? { widthPt: 595.28, heightPt: 841.89 };
      const own = layer[i] ?? [];
      if (hasText(own)) {
        pages.push({ index: i, source: 'text-layer', words: own, dpi: 0, ...size });
      } else {
        let image = await pageImage(pdfPath, i, workDir, signal);
        const scannedDpi = image.dpi;
        if (image.dpi < LOW_DPI) image = await upscale(image, workDir, signal);
        const { words } = await recognizePage(image.path, { signal, dpi: image.dpi, command: options.tesseract });
        // Tesseract reads speckles as one-letter "words" with low confidence; they are not text.
        const real = words.filter((w) => w.conf > 0.2 || w.text.length > 1);
        pages.push({ index: i, source: hasText(real) ? 'ocr' : 'blank', words: hasText(real) ? real : [], dpi: scannedDpi, ...size });
      }
      onProgress?.(i + 1, sizes.length);
    }
    return pages;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
