/**
 * What a PDF holds page by page, read with poppler (Debian `poppler-utils`, environment.md §8): the page sizes
 * (pdfinfo), an existing text layer with word boxes (pdftotext -bbox), and page images for OCR (pdfimages, which
 * gives the scanned image at its own resolution without resampling; pdftoppm when a page is not one plain image).
 * Everything runs as child processes on a temporary copy; the caller's bytes are never modified.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { isMissingTool, runTool } from './run-tool';
import type { OcrWord } from './ocr-word';

/** Most pages one extraction reads (a long scan is split into documents before). */
export const MAX_OCR_PAGES = 100;
/** Largest page image accepted, in pixels (A4 at 600 dpi is about 35 million). */
export const MAX_PAGE_PIXELS = 80_000_000;
/** Resolution pdftoppm renders a page at when the page is not one plain image. */
export const RENDER_DPI = 300;

const POPPLER_MISSING_VI = 'Chưa cài đặt poppler-utils (pdfinfo, pdftotext, pdfimages): không đọc được tệp PDF.';

async function poppler(command: string, args: string[], signal?: AbortSignal): Promise<string> {
  try {
    const run = await runTool(command, args, { signal, timeoutMs: 120_000 });
    if (run.code !== 0) {
      throw new AppFailure('NOT_PDF', 'Tệp không phải PDF hợp lệ hoặc bị hỏng: không đọc được.', { command, stderr: run.stderr.slice(0, 500) });
    }
    return run.stdout.toString('utf8');
  } catch (err) {
    if (isMissingTool(err)) throw new AppFailure('INTERNAL', POPPLER_MISSING_VI, { missing: true, command });
    throw err;
  }
}

export interface PdfPageSize {
  widthPt: number;
  heightPt: number;
}

/** Page sizes in points. Errors: NOT_PDF (unreadable), TOO_LARGE (more than MAX_OCR_PAGES), EMPTY_FILE (0 pages). */
export async function readPageSizes(pdfPath: string, signal?: AbortSignal): Promise<PdfPageSize[]> {
  const head = await poppler('pdfinfo', [pdfPath], signal);
  const count = Number(/^Pages:\s+(\d+)/m.exec(head)?.[1] ?? NaN);
  if (!Number.isFinite(count)) throw new AppFailure('NOT_PDF', 'Tệp không phải PDF hợp lệ hoặc bị hỏng: không đọc được.');
  if (count === 0) throw new AppFailure('EMPTY_FILE', 'Tệp PDF không có trang nào.');
  if (count > MAX_OCR_PAGES) throw new AppFailure('TOO_LARGE', `Tệp có ${count} trang, nhiều hơn giới hạn ${MAX_OCR_PAGES} trang cho một lần nhận dạng.`);
  const info = await poppler('pdfinfo', ['-f', '1', '-l', String(count), pdfPath], signal);
  const sizes: PdfPageSize[] = [];
  for (const m of info.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)/gm)) {
    sizes[Number(m[1]) - 1] = { widthPt: Number(m[2]), heightPt: Number(m[3]) };
  }
  for (let i = 0; i < count; i += 1) sizes[i] ??= { widthPt: 595.28, heightPt: 841.89 };
  return sizes;
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Words of each page's text layer (empty arrays for image-only pages), boxes normalized to the page. */
export async function readTextLayer(pdfPath: string, pageCount: number, signal?: AbortSignal): Promise<OcrWord[][]> {
  const html = await poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', '1', '-l', String(pageCount), pdfPath, '-'], signal);
  const pages: OcrWord[][] = [];
  for (const pm of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const w = Number(pm[1]);
    const h = Number(pm[2]);
    const words: OcrWord[] = [];
    for (const wm of (pm[3] ?? '').matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      const text = unescapeXml(wm[5] ?? '').normalize('NFC').trim();
      if (text === '' || w <= 0 || h <= 0) continue;
      words.push({ text, conf: 1, x0: Number(wm[1]) / w, y0: Number(wm[2]) / h, x1: Number(wm[3]) / w, y1: Number(wm[4]) / h });
    }
    pages.push(words);
  }
  while (pages.length < pageCount) pages.push([]);
  return pages;
}

interface ListedImage {
  page: number;
  type: string;
  width: number;
  height: number;
  ppi: number;
}

/** The page's image for OCR: its own scanned image when the page is exactly one, otherwise a rendering. */
export async function pageImage(pdfPath: string, pageIndex: number, workDir: string, signal?: AbortSignal): Promise<{ path: string; dpi: number }> {
  const p = String(pageIndex + 1);
  const list = await poppler('pdfimages', ['-list', '-f', p, '-l', p, pdfPath], signal);
  const images: ListedImage[] = [];
  for (const line of list.split('\n').slice(2)) {
    const c = line.trim().split(/\s+/);
    if (c.length < 14) continue;
    images.push({ page: Number(c[0]), type: c[2] ?? '', width: Number(c[3]), height: Number(c[4]), ppi: Number(c[12]) });
  }
  for (const img of images) {
    if (img.width * img.height > MAX_PAGE_PIXELS) {
      throw new AppFailure('TOO_LARGE', `Ảnh trang ${p} quá lớn (${img.width}×${img.height} điểm ảnh, giới hạn ${MAX_PAGE_PIXELS}).`);
    }
  }
  const prefix = join(workDir, `page-${p}`);
  if (images.length === 1 && images[0]?.type === 'image' && Number.isFinite(images[0].ppi) && images[0].ppi >= 50) {
    await poppler('pdfimages', ['-j', '-f', p, '-l', p, pdfPath, prefix], signal);
    const file = (await readdir(workDir)).find((f) => f.startsWith(`page-${p}-`));
    if (file) return { path: join(workDir, file), dpi: images[0].ppi };
  }
  await poppler('pdftoppm', ['-r', String(RENDER_DPI), '-gray', '-png', '-singlefile', '-f', p, '-l', p, pdfPath, prefix], signal);
  return { path: `${prefix}.png`, dpi: RENDER_DPI };
}
