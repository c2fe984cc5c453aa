/**
 * pdf.js for previews. The worker is a file of our own build (no remote URL, CSP worker-src 'self'), and
 * eval is off: `isEvalSupported: false` closes CVE-2024-4367 (pdf-signing.md §4). Loaded lazily by the
 * preview so the rest of the UI does not pay for it.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = PDFDocumentProxy;

/** An open document and the way to release it (pdfjs 6 destroys through the loading task). */
export interface PdfHandle {
  doc: PdfDocument;
  close(): Promise<void>;
}

// pdfjs-dist 6 no longer has an eval path (its typings dropped the option); we still pass
// `isEvalSupported: false` so the hardening holds if the package is ever pinned back to 4.x/5.x, where it
// is the CVE-2024-4367 fix. A spread keeps it out of the typed literal.
const HARDENING: Record<string, unknown> = { isEvalSupported: false };

/** Folders of pdf.js resources emitted by the renderer build (vite.renderer.config.ts), trailing slash required. */
function resourceUrl(folder: string): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href;
}

/** Opens a PDF from bytes (copied: pdf.js transfers its buffer to the worker). */
export async function openPdf(bytes: Uint8Array): Promise<PdfHandle> {
  const task = getDocument({
    ...HARDENING,
    data: bytes.slice(),
    enableXfa: false,
    // JBIG2 / JPEG 2000 decoders (WebAssembly, CSP 'wasm-unsafe-eval'), CMaps and standard font data: all local.
    wasmUrl: resourceUrl('wasm'),
    cMapUrl: resourceUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: resourceUrl('standard_fonts'),
    iccUrl: resourceUrl('iccs'),
    disableAutoFetch: true,
    stopAtErrors: false,
  });
  const doc = await task.promise;
  return { doc, close: () => task.destroy() };
}

/** What a drawn page looks like: pdf.js's PDF → CSS pixel transform, the page box in points, the CSS size. */
export interface PageLayout {
  transform: [number, number, number, number, number, number];
  view: [number, number, number, number];
  width: number;
  height: number;
}

/** Draws one page (1-based) into the canvas at a width that fits `maxWidth` CSS pixels; returns its layout. */
export async function renderPage(doc: PdfDocument, pageNumber: number, canvas: HTMLCanvasElement, maxWidth: number): Promise<PageLayout> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const scale = Math.max(0.2, Math.min(2, maxWidth / base.width));
  const viewport = page.getViewport({ scale });
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  const [a = 1, b = 0, c = 0, d = -1, e = 0, f = 0] = viewport.transform;
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
  return { transform: [a, b, c, d, e, f], view: [x0, y0, x1, y1], width: viewport.width, height: viewport.height };
}

/** The text runs of one page (1-based) with their positions in PDF points, for placing the number/date fields. */
export async function pageTextRuns(doc: PdfDocument, pageNumber: number): Promise<{ str: string; transform: number[]; width: number; height: number }[]> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  return content.items.flatMap((item) => ('str' in item ? [{ str: item.str, transform: item.transform as number[], width: item.width, height: item.height }] : []));
}
