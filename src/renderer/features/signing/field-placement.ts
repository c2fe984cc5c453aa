/**
 * Where the clerk puts the number and date fields on the draft (Art. 11 step 1, Chuẩn bị). The boxes are kept in
 * PDF points (page user space, y up from the bottom-left, as `signing.prepare` wants) and drawn in CSS pixels over
 * the pdf.js canvas. pdf.js gives each viewport a transform [a b c d e f] from PDF points to CSS pixels (scale, y
 * flip, the page's MediaBox offset and /Rotate in one matrix); CSS → PDF is its inverse. Pure, so unit-tested.
 */

/** pdf.js `PageViewport.transform`: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type ViewportTransform = readonly [number, number, number, number, number, number];

/** A rectangle in CSS pixels from the canvas' top-left corner. */
export interface CssRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A rectangle in PDF points (lower-left corner x, y), as PagePlacement without the page. */
export interface PdfRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FieldId = 'number' | 'date';

/** Limits of PagePlacement (shared/api/signing-schemas.ts): a box outside them would be refused by main. */
export const MIN_WIDTH = 20;
export const MIN_HEIGHT = 8;

const round2 = (n: number): number => Math.round(n * 100) / 100;

function apply(m: ViewportTransform, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function invert(m: ViewportTransform): ViewportTransform {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (det === 0 || !Number.isFinite(det)) throw new RangeError('viewport transform is not invertible');
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The bounding box of a rectangle's two corners after `m`. */
function corners(m: ViewportTransform, x0: number, y0: number, x1: number, y1: number): { minX: number; minY: number; maxX: number; maxY: number } {
  const [ax, ay] = apply(m, x0, y0);
  const [bx, by] = apply(m, x1, y1);
  return { minX: Math.min(ax, bx), minY: Math.min(ay, by), maxX: Math.max(ax, bx), maxY: Math.max(ay, by) };
}

/** CSS pixels on the canvas → PDF points (y flipped, scale and rotation undone), rounded to 0.01 pt. */
export function cssRectToPdf(rect: CssRect, transform: ViewportTransform): PdfRect {
  const b = corners(invert(transform), rect.left, rect.top, rect.left + rect.width, rect.top + rect.height);
  return { x: round2(b.minX), y: round2(b.minY), width: round2(b.maxX - b.minX), height: round2(b.maxY - b.minY) };
}

/** PDF points → CSS pixels on the canvas. */
export function pdfRectToCss(rect: PdfRect, transform: ViewportTransform): CssRect {
  const b = corners(transform, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height);
  return { left: b.minX, top: b.minY, width: b.maxX - b.minX, height: b.maxY - b.minY };
}

/** The page in PDF points: pdf.js `page.view` = [x0, y0, x1, y1] (the MediaBox/CropBox). */
export type PageBox = readonly [number, number, number, number];

/** Keeps a box inside the page (it may not hang off an edge: main would draw a field nobody sees). */
export function clampToPage(rect: PdfRect, page: PageBox): PdfRect {
  const [x0, y0, x1, y1] = page;
  const width = Math.min(Math.max(rect.width, MIN_WIDTH), x1 - x0);
  const height = Math.min(Math.max(rect.height, MIN_HEIGHT), y1 - y0);
  return { x: round2(Math.min(Math.max(rect.x, x0), x1 - width)), y: round2(Math.min(Math.max(rect.y, y0), y1 - height)), width, height };
}

/** Arrow keys move a box 1 pt, with Shift 10 pt (in PDF space: ArrowUp is +y). Other keys: null. */
export function nudge(rect: PdfRect, key: string, shift: boolean, page: PageBox): PdfRect | null {
  const step = shift ? 10 : 1;
  const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
  const d = delta[key];
  return d ? clampToPage({ ...rect, x: rect.x + d[0], y: rect.y + d[1] }, page) : null;
}

/** A text run of the page from pdf.js getTextContent: `transform[4..5]` is its origin in PDF points. */
export interface TextRun {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
}

/**
 * A first guess before the clerk drags, as main's auto-placement does it (main/pdf/text-anchors.ts; NĐ 30 Phụ lục I:
 * "Số: …/…" under the issuer's name on the left, the place-and-date line on the right): between "Số:" and the
 * "/ký hiệu" run, and over the "ngày … tháng … năm …" part of the date line (a dragged date field carries no place
 * name, so the box starts at "ngày", estimated from the character position); otherwise the usual A4 spots.
 */
export function guessPlacement(runs: readonly TextRun[], page: PageBox): Record<FieldId, PdfRect> {
  const x = (r: TextRun) => r.transform[4] ?? 0;
  const y = (r: TextRun) => r.transform[5] ?? 0;
  const so = runs.find((r) => /^Số\s*:/u.test(r.str.trim()));
  const notation = so ? runs.find((r) => Math.abs(y(r) - y(so)) < 2 && x(r) > x(so) && r.str.trim().startsWith('/')) : undefined;
  const soEnd = so ? x(so) + so.width + 2 : 0;
  const number = so
    ? { x: soEnd, y: y(so) - 3, width: Math.max(24, (notation ? x(notation) : soEnd + 60) - soEnd - 1), height: so.height + 5 }
    : { x: 125, y: 742, width: 40, height: 17 };
  const day = runs.find((r) => /ngày/u.test(r.str) && /tháng/u.test(r.str));
  let date: PdfRect = { x: 330, y: 742, width: 240, height: 17 };
  if (day) {
    const offset = day.str.length > 0 ? (day.width * day.str.indexOf('ngày')) / day.str.length : 0;
    date = { x: x(day) + offset, y: y(day) - 3, width: day.width - offset + 30, height: day.height + 5 };
  }
  return { number: clampToPage(number, page), date: clampToPage(date, page) };
}
