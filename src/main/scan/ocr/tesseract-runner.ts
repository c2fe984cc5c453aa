/**
 * Tesseract 5 with Vietnamese data (Debian `tesseract-ocr-vie`, environment.md §6) as a child process: one page
 * image in, words with boxes and confidences out (TSV). Cancelling the signal kills the process.
 */
import { AppFailure } from '../../../shared/api/result';
import { isMissingTool, runTool } from './run-tool';
import { parseTesseractTsv } from './tesseract-tsv';
import type { OcrWord } from './ocr-word';

export interface TesseractOptions {
  signal?: AbortSignal;
  /** Resolution of the image when known (from the PDF); tesseract guesses otherwise. */
  dpi?: number;
  /** Language data (default 'vie'). */
  language?: string;
  /** Program to run (default `tesseract` on PATH). */
  command?: string;
}

/** Message when tesseract or its Vietnamese data is missing. */
export const TESSERACT_MISSING_VI = 'Chưa cài đặt Tesseract với dữ liệu tiếng Việt (gói tesseract-ocr và tesseract-ocr-vie): không nhận dạng được chữ.';

/**
 * Recognizes one page image. Errors: INTERNAL (details.missing) when tesseract or `vie` is missing,
 * SCAN_IMAGE_CORRUPT when tesseract cannot read the image, CANCELLED.
 */
export async function recognizePage(imagePath: string, options: TesseractOptions = {}): Promise<{ words: OcrWord[]; widthPx: number; heightPx: number }> {
  const args = [imagePath, '-', '-l', options.language ?? 'vie', '--psm', '3'];
  if (options.dpi && options.dpi >= 50 && options.dpi <= 1200) args.push('--dpi', String(Math.round(options.dpi)));
  args.push('tsv');
  let run;
  try {
    run = await runTool(options.command ?? 'tesseract', args, { signal: options.signal, timeoutMs: 180_000 });
  } catch (err) {
    if (isMissingTool(err)) throw new AppFailure('INTERNAL', TESSERACT_MISSING_VI, { missing: true, command: 'tesseract' });
    throw err;
  }
  if (/Failed loading language|Error opening data file/i.test(run.stderr)) {
    throw new AppFailure('INTERNAL', TESSERACT_MISSING_VI, { missing: true, command: 'tesseract', stderr: run.stderr.slice(0, 500) });
  }
  if (run.code !== 0 || /Error in pixRead|Image file .* cannot be read|Unsupported image type/i.test(run.stderr)) {
    throw new AppFailure('SCAN_IMAGE_CORRUPT', 'Ảnh trang quét bị hỏng hoặc không đọc được; không nhận dạng được chữ trên trang này.', { stderr: run.stderr.slice(0, 500) });
  }
  return parseTesseractTsv(run.stdout.toString('utf8'));
}
