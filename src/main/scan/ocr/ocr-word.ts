/**
 * A recognized word and its box, the common currency between OCR (tesseract TSV), a PDF's own text layer
 * (pdftotext -bbox) and the field extractor. Boxes are normalized to the page (0–1, origin top-left), so the
 * extractor does not care about resolution and the renderer can draw them on any preview size.
 */
export interface OcrWord {
  text: string;
  /** Recognition confidence 0–1 (1 for a text layer). */
  conf: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One page as read: its words and, for OCR, the resolution it was read at. */
export interface OcrPage {
  /** 0-based page index. */
  index: number;
  source: 'ocr' | 'text-layer' | 'blank';
  words: OcrWord[];
  /** Pixels per inch of the page image (0 for a text layer). */
  dpi: number;
  /** Page size in PDF points. */
  widthPt: number;
  heightPt: number;
}

/** Mean confidence of the words (0 when there are none). */
export function meanConfidence(words: readonly OcrWord[]): number {
  if (words.length === 0) return 0;
  return words.reduce((s, w) => s + w.conf, 0) / words.length;
}
