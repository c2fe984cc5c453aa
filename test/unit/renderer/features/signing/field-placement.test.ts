// Art. 11 step 1: the boxes the clerk drags are drawn in CSS pixels and sent to main in PDF points (y up from the
// bottom-left). The conversion uses pdf.js's own viewport transform, so scale, y flip, MediaBox offset and /Rotate
// are undone exactly; arrow keys move 1 pt (Shift 10 pt) and boxes stay on the page.
import { describe, expect, it } from 'vitest';
import { clampToPage, cssRectToPdf, guessPlacement, nudge, pdfRectToCss, type PageBox, type TextRun } from '../../../../../src/renderer/features/signing/field-placement';

const A4: PageBox = [0, 0, 595.28, 841.89];
type M = [number, number, number, number, number, number];

/**
 * pdf.js's PageViewport transform (pdfjs-dist 6 build/pdf.mjs, `class PageViewport` constructor, offsets 0 and
 * dontFlip false), written out because the class is not exported; convertToPdfPoint is its inverse.
 */
function viewport(scale: number, rotation = 0, view: PageBox = A4): { transform: M; convertToPdfPoint(x: number, y: number): [number, number] } {
  const [x0, y0, x1, y1] = view;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const [a, b, c, d] = ({ 0: [1, 0, 0, -1], 90: [0, 1, 1, 0], 180: [-1, 0, 0, 1], 270: [0, -1, -1, 0] } as Record<number, [number, number, number, number]>)[rotation] ?? [1, 0, 0, -1];
  const ox = a === 0 ? Math.abs(cy - y0) * scale : Math.abs(cx - x0) * scale;
  const oy = a === 0 ? Math.abs(cx - x0) * scale : Math.abs(cy - y0) * scale;
  const transform: M = [a * scale, b * scale, c * scale, d * scale, ox - a * scale * cx - c * scale * cy, oy - b * scale * cx - d * scale * cy];
  return {
    transform,
    convertToPdfPoint(x, y) {
      const [p, q, r, s, e, f] = transform;
      const det = p * s - q * r;
      return [(x * s - y * r + r * f - e * s) / det, (-x * q + y * p + e * q - f * p) / det];
    },
  };
}

describe('cssRectToPdf / pdfRectToCss', () => {
  it('undoes the scale and flips y: a box at the top-left of the canvas is near the top of the page', () => {
    const v = viewport(1.5);
    // 30 px from the left, 60 px from the top, 150 × 24 px at scale 1.5 → 20 pt, 100 × 16 pt, top edge 40 pt below the page top.
    const pdf = cssRectToPdf({ left: 30, top: 60, width: 150, height: 24 }, v.transform);
    expect(pdf).toEqual({ x: 20, y: 785.89, width: 100, height: 16 });
    // And pdf.js agrees on the lower-left corner.
    const [px, py] = v.convertToPdfPoint(30, 84);
    expect([Number(px.toFixed(2)), Number(py.toFixed(2))]).toEqual([20, 785.89]);
  });

  it('round-trips at any scale, for a MediaBox not at the origin and for a rotated page', () => {
    const rect = { x: 72.5, y: 300.25, width: 180, height: 17 };
    for (const v of [viewport(0.8), viewport(2), viewport(1, 0, [10, 20, 622, 812]), viewport(1.25, 90), viewport(1, 180), viewport(0.9, 270)]) {
      const m = v.transform;
      const css = pdfRectToCss(rect, m);
      expect(css.width).toBeGreaterThan(0);
      expect(cssRectToPdf(css, m)).toEqual(rect);
    }
  });

  it('maps a rotated page (90°) so the box keeps its PDF width along x', () => {
    const v = viewport(1, 90);
    const m = v.transform;
    const css = pdfRectToCss({ x: 100, y: 200, width: 50, height: 10 }, m);
    // On screen the page is turned: the PDF width runs down the canvas.
    expect([css.width, css.height]).toEqual([10, 50]);
  });

  it('refuses a degenerate transform', () => {
    expect(() => cssRectToPdf({ left: 0, top: 0, width: 1, height: 1 }, [0, 0, 0, 0, 0, 0])).toThrow(RangeError);
  });
});

describe('nudge and clampToPage', () => {
  const box = { x: 100, y: 700, width: 60, height: 16 };
  it('moves 1 pt, or 10 pt with Shift, up meaning +y', () => {
    expect(nudge(box, 'ArrowRight', false, A4)).toMatchObject({ x: 101, y: 700 });
    expect(nudge(box, 'ArrowUp', false, A4)).toMatchObject({ x: 100, y: 701 });
    expect(nudge(box, 'ArrowDown', true, A4)).toMatchObject({ x: 100, y: 690 });
    expect(nudge(box, 'ArrowLeft', true, A4)).toMatchObject({ x: 90, y: 700 });
    expect(nudge(box, 'Enter', false, A4)).toBeNull();
  });
  it('keeps the box on the page and at least the size main accepts', () => {
    expect(nudge({ ...box, x: 0 }, 'ArrowLeft', true, A4)).toMatchObject({ x: 0 });
    expect(clampToPage({ x: 590, y: 900, width: 5, height: 2 }, A4)).toEqual({ x: 575.28, y: 833.89, width: 20, height: 8 });
  });
});

describe('guessPlacement', () => {
  const run = (str: string, x: number, y: number, width: number, height = 13): TextRun => ({ str, transform: [13, 0, 0, 13, x, y], width, height });
  it('puts the number between "Số:" and the notation and the date over "ngày … tháng … năm" (as main does)', () => {
    const g = guessPlacement([run('Số:', 80, 730, 20), run('/QĐ-UBND', 160, 730, 60), run('Hà Nội, ngày      tháng      năm 2026', 330, 730, 200)], A4);
    expect(g.number).toEqual({ x: 102, y: 727, width: 57, height: 18 });
    const line = 'Hà Nội, ngày      tháng      năm 2026';
    expect(g.date.x).toBeCloseTo(330 + (200 * line.indexOf('ngày')) / line.length, 1);
    expect(g.date.y).toBe(727);
  });
  it('falls back to the usual A4 spots when pdf.js finds no such text (a scanned draft)', () => {
    const g = guessPlacement([], A4);
    expect(g.number).toEqual({ x: 125, y: 742, width: 40, height: 17 });
    expect(g.date).toEqual({ x: 330, y: 742, width: 240, height: 17 });
  });
});
