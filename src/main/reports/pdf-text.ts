/**
 * Low-level text for the printed register: per-character glyph codes and widths cached once per font, line
 * wrapping, and a page content stream written as PDF operators text.
 *
 * Why not `page.drawText`: it builds about ten operator objects per call and keeps them until `save()`. A register
 * of 200,000 rows draws millions of strings, which would hold gigabytes. Here each page's operators are joined,
 * deflated and registered as one stream as soon as the page is full, so memory grows with the compressed output only.
 * Glyphs are looked up character by character (no ligatures, no kerning), which also keeps `pdftotext` exact.
 */
import type { PDFFont } from '@cantoo/pdf-lib';

interface GlyphInfo {
  hex: string;
  /** Advance width at 1 pt. */
  width: number;
}

/** A font with cached per-character codes and widths. */
export class FontMetrics {
  private readonly cache = new Map<string, GlyphInfo>();

  /** `key` is the resource name the pages give this font, e.g. '/F1'. */
  constructor(
    readonly font: PDFFont,
    readonly key: string,
  ) {}

  private glyph(ch: string): GlyphInfo {
    let info = this.cache.get(ch);
    if (info === undefined) {
      // encodeText also adds the glyph to the embedded subset.
      info = { hex: this.font.encodeText(ch).asString(), width: this.font.widthOfTextAtSize(ch, 1) };
      this.cache.set(ch, info);
    }
    return info;
  }

  /** Width of `text` at `size` points. */
  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.glyph(ch).width;
    return w * size;
  }

  /** The text as a PDF hex string operand `<…>` in this font's encoding. */
  hex(text: string): string {
    let out = '<';
    for (const ch of text) out += this.glyph(ch).hex;
    return `${out}>`;
  }

  /**
   * Breaks `text` into lines no wider than `maxWidth` at `size`: at explicit newlines, then between words, and
   * inside a word only when the word alone is too wide. Always returns at least one line.
   */
  wrap(text: string, maxWidth: number, size: number): string[] {
    const lines: string[] = [];
    const spaceWidth = this.width(' ', size);
    for (const paragraph of cleanText(text).split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const word of paragraph.split(' ')) {
        if (word === '') continue;
        const wordWidth = this.width(word, size);
        const needed = line === '' ? wordWidth : lineWidth + spaceWidth + wordWidth;
        if (needed <= maxWidth) {
          line = line === '' ? word : `${line} ${word}`;
          lineWidth = needed;
          continue;
        }
        if (line !== '') lines.push(line);
        line = '';
        lineWidth = 0;
        if (wordWidth <= maxWidth) {
          line = word;
          lineWidth = wordWidth;
          continue;
        }
        for (const ch of word) {
          const chWidth = this.width(ch, size);
          if (line !== '' && lineWidth + chWidth > maxWidth) {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += ch;
          lineWidth += chWidth;
        }
      }
      lines.push(line);
    }
    return lines.length === 0 ? [''] : lines;
  }
}

/** Tabs and other control characters become spaces; CR LF becomes LF. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ');
}

const n = (value: number): string => (Math.round(value * 100) / 100).toString();

/** Operators of one page, written as text and deflated once the page is done. */
export class PageContent {
  private readonly text: string[] = [];
  private readonly graphics: string[] = [];

  /** Draws one line of text with its baseline at (x, y). */
  show(fontKey: string, size: number, x: number, y: number, hex: string): void {
    this.text.push(`${fontKey} ${n(size)} Tf 1 0 0 1 ${n(x)} ${n(y)} Tm ${hex} Tj`);
  }

  /** Draws a straight line. */
  line(x1: number, y1: number, x2: number, y2: number, width: number): void {
    this.graphics.push(`${n(width)} w ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`);
  }

  /** The page's content stream source: graphics, then all text in one BT … ET block. */
  toString(): string {
    const textBlock = this.text.length === 0 ? '' : `BT\n${this.text.join('\n')}\nET\n`;
    return `q 0 0 0 RG 0 g\n${this.graphics.join('\n')}\n${textBlock}Q\n`;
  }
}
