/** Blank pages, separator sheets and the split of a feeder stack (issue 9, "Batch"), on synthetic pages. */
import { describe, expect, it } from 'vitest';
import { measurePage, pageRole, splitStack, type PageRole } from '../../../../src/main/scan/batch-split';
import { greySamples, readPng } from '../../../../src/main/scan/image/png-image';
import { encodePng, fillRect, separatorSheet, speckle, textLines, whiteCanvas, type Canvas } from '../../../support/scan/synthetic-page';

function role(c: Canvas, colorType: 0 | 2 = 0): PageRole {
  const png = readPng(encodePng(c, colorType));
  const grey = greySamples(png, Math.max(1, Math.floor(png.width / 300)));
  if (grey === undefined) throw new Error('not measurable');
  return pageRole(measurePage(grey));
}

describe('page roles', () => {
  it('a white sheet with dust is blank; a typed page is content', () => {
    const blank = whiteCanvas(600, 800);
    speckle(blank, 0.0005);
    expect(role(blank)).toBe('blank');
    const text = whiteCanvas(600, 800);
    textLines(text, 12);
    expect(role(text, 2)).toBe('content');
  });

  it('a page with one short line (a signature alone) is still content', () => {
    const c = whiteCanvas(600, 800);
    fillRect(c, 350, 600, 120, 8);
    expect(role(c)).toBe('content');
  });

  it('dark scanner edges outside the margin do not make a blank page content', () => {
    const c = whiteCanvas(600, 800);
    fillRect(c, 0, 0, 12, 800);
    fillRect(c, 0, 790, 600, 10);
    expect(role(c)).toBe('blank');
  });

  it('the printed separator sheet is recognized; a page of thick table rules is not', () => {
    const sep = whiteCanvas(800, 1000);
    separatorSheet(sep);
    expect(role(sep, 2)).toBe('separator-sheet');
    const table = whiteCanvas(800, 1000);
    textLines(table, 20);
    for (let x = 50; x < 800; x += 100) fillRect(table, x, 100, 4, 800);
    expect(role(table)).toBe('content');
  });

  it('a full black page (a photo, a dark cover) is content, not a separator', () => {
    const black = whiteCanvas(400, 500);
    fillRect(black, 0, 0, 400, 500);
    expect(role(black)).toBe('content');
  });
});

describe('splitStack', () => {
  const c = 'content' as const;
  const b = 'blank' as const;
  const s = 'separator-sheet' as const;

  it('mode none keeps every page in one document', () => {
    expect(splitStack([c, b, c], 'none', false)).toEqual({ documents: [[0, 1, 2]], separators: [] });
  });

  it('splits at blank pages and drops empty documents', () => {
    expect(splitStack([b, c, c, b, b, c, b], 'blank-page', false)).toEqual({ documents: [[1, 2], [5]], separators: [0, 3, 4, 6] });
  });

  it('splits at separator sheets; blank pages stay in the documents', () => {
    expect(splitStack([c, b, s, c], 'separator-sheet', false)).toEqual({ documents: [[0, 1], [3]], separators: [2] });
  });

  it('duplex: only a sheet blank on both sides separates; a blank back stays with its front', () => {
    expect(splitStack([c, b, b, b, c, c], 'blank-page', true)).toEqual({ documents: [[0, 1], [4, 5]], separators: [2, 3] });
    expect(splitStack([c, b, s, b, c, b], 'separator-sheet', true)).toEqual({ documents: [[0, 1], [4, 5]], separators: [2, 3] });
  });
});
