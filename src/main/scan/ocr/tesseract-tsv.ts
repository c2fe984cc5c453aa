/**
 * Parses tesseract's TSV output (`tesseract IMG - tsv`): one row per page, block, paragraph, line and word; level 5
 * rows are words with left/top/width/height in pixels and a confidence 0–100. Boxes are normalized by the page row.
 */
import type { OcrWord } from './ocr-word';

const WORD_LEVEL = 5;
const PAGE_LEVEL = 1;

/** Words of one page from tesseract TSV text. Rows that are malformed, empty or have conf < 0 are skipped. */
export function parseTesseractTsv(tsv: string): { words: OcrWord[]; widthPx: number; heightPx: number } {
  let widthPx = 0;
  let heightPx = 0;
  const raw: { text: string; conf: number; left: number; top: number; width: number; height: number }[] = [];
  for (const line of tsv.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 12) continue;
    const level = Number(cols[0]);
    const left = Number(cols[6]);
    const top = Number(cols[7]);
    const width = Number(cols[8]);
    const height = Number(cols[9]);
    if (![level, left, top, width, height].every(Number.isFinite)) continue;
    if (level === PAGE_LEVEL) {
      widthPx = width;
      heightPx = height;
      continue;
    }
    if (level !== WORD_LEVEL) continue;
    const conf = Number(cols[10]);
    const text = cols.slice(11).join('\t').trim().normalize('NFC');
    if (text === '' || !Number.isFinite(conf) || conf < 0) continue;
    raw.push({ text, conf, left, top, width, height });
  }
  if (widthPx <= 0 || heightPx <= 0) return { words: [], widthPx: 0, heightPx: 0 };
  const words = raw.map((r) => ({
    text: r.text,
    conf: Math.max(0, Math.min(1, r.conf / 100)),
    x0: r.left / widthPx,
    y0: r.top / heightPx,
    x1: (r.left + r.width) / widthPx,
    y1: (r.top + r.height) / heightPx,
  }));
  return { words, widthPx, heightPx };
}
