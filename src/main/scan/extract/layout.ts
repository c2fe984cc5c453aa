/**
 * Words → line segments. NĐ 30 pages (Phụ lục I) set boxes side by side on one baseline (agency | quốc hiệu,
 * Số | place and date, Nơi nhận | signature block), so a visual row is split where the horizontal gap is wider
 * than a column gutter. Words join the segment whose last word sits at the same height, which tolerates the few
 * tenths of a degree of skew a scanner adds.
 */
import type { OcrWord } from '../ocr/ocr-word';

/** A horizontal gap wider than this (fraction of the page width) separates two boxes of the layout. */
export const COLUMN_GAP = 0.035;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Line extends Box {
  page: number;
  words: OcrWord[];
  /** Words joined by single spaces, NFC. */
  text: string;
  /** Centre of the segment, fraction of the page width. */
  cx: number;
  /** Median word height (fraction of the page height). */
  h: number;
  /** Lowest and mean word confidence. */
  minConf: number;
  meanConf: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor(s.length / 2)] as number);
}

/** Union of boxes. */
export function unionBox(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** A segment from words already in reading order. */
export function lineOf(page: number, words: OcrWord[]): Line {
  const box = unionBox(words);
  return {
    page,
    words,
    ...box,
    text: words.map((w) => w.text).join(' ').normalize('NFC'),
    cx: (box.x0 + box.x1) / 2,
    h: median(words.map((w) => w.y1 - w.y0)),
    minConf: Math.min(...words.map((w) => w.conf)),
    meanConf: words.reduce((s, w) => s + w.conf, 0) / words.length,
  };
}

/** Line segments of one page, top to bottom, then left to right. */
export function buildLines(page: number, words: readonly OcrWord[]): Line[] {
  const segments: OcrWord[][] = [];
  const byX = [...words].sort((a, b) => a.x0 - b.x0);
  for (const w of byX) {
    const cy = (w.y0 + w.y1) / 2;
    const hw = w.y1 - w.y0;
    let best: OcrWord[] | null = null;
    let bestScore = Infinity;
    for (const seg of segments) {
      const last = seg[seg.length - 1] as OcrWord;
      const gap = w.x0 - last.x1;
      if (gap > COLUMN_GAP || gap < -0.01) continue;
      const dy = Math.abs(cy - (last.y0 + last.y1) / 2);
      const limit = 0.45 * Math.max(Math.min(hw, last.y1 - last.y0), 0.004);
      if (dy <= limit && dy + Math.max(gap, 0) < bestScore) {
        best = seg;
        bestScore = dy + Math.max(gap, 0);
      }
    }
    if (best) best.push(w);
    else segments.push([w]);
  }
  return segments.map((s) => lineOf(page, s)).sort((a, b) => (Math.abs(a.y0 - b.y0) < 0.004 ? a.x0 - b.x0 : a.y0 - b.y0));
}

/** Whether two boxes overlap. */
export function intersects(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
