/**
 * Synthetic scanned pages for unit tests: a tiny PNG writer (filter type 0 rows, zlib, CRC-32) and page painters
 * (blank with speckles, text-like lines, the printed separator sheet with its bars). Independent of the PNG reader
 * under test (src/main/scan/image/png-image.ts).
 */
import { crc32, deflateSync } from 'node:zlib';

export interface Canvas {
  width: number;
  height: number;
  /** Grey 0–255, row-major. */
  data: Uint8Array;
}

export function whiteCanvas(width: number, height: number): Canvas {
  return { width, height, data: new Uint8Array(width * height).fill(255) };
}

export function fillRect(c: Canvas, x: number, y: number, w: number, h: number, grey = 0): void {
  for (let yy = Math.max(0, y); yy < Math.min(c.height, y + h); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(c.width, x + w); xx++) c.data[yy * c.width + xx] = grey;
  }
}

/** Deterministic speckles (dust on a white sheet), about `fraction` of the pixels. */
export function speckle(c: Canvas, fraction: number, seed = 7): void {
  let s = seed;
  const n = Math.round(c.width * c.height * fraction);
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    c.data[s % c.data.length] = 40;
  }
}

/** Lines of "text": short dark strokes in rows, like a typed page. */
export function textLines(c: Canvas, lines: number): void {
  const lineH = Math.floor(c.height / (lines * 2 + 4));
  for (let l = 0; l < lines; l++) {
    const y = Math.floor(c.height * 0.1) + l * 2 * lineH;
    for (let x = Math.floor(c.width * 0.1); x < c.width * 0.85; x += Math.max(3, Math.floor(c.width / 60))) {
      fillRect(c, x, y, Math.max(2, Math.floor(c.width / 90)), Math.max(2, Math.floor(lineH * 0.8)));
    }
  }
}

/** The printed separator sheet: a heading and `bars` thick bars across the middle of the page. */
export function separatorSheet(c: Canvas, bars = 8): void {
  fillRect(c, Math.floor(c.width * 0.3), Math.floor(c.height * 0.1), Math.floor(c.width * 0.4), Math.floor(c.height * 0.04));
  const barW = Math.floor(c.width / (bars * 2 + 2));
  for (let i = 0; i < bars; i++) fillRect(c, barW * (1 + 2 * i) + barW, Math.floor(c.height * 0.3), barW, Math.floor(c.height * 0.4));
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encode as 8-bit grey (colorType 0) or RGB (colorType 2, grey copied into all channels with a red mark). */
export function encodePng(c: Canvas, colorType: 0 | 2 = 0): Buffer {
  const channels = colorType === 2 ? 3 : 1;
  const rows = Buffer.alloc(c.height * (c.width * channels + 1));
  for (let y = 0; y < c.height; y++) {
    const base = y * (c.width * channels + 1);
    rows[base] = 0;
    for (let x = 0; x < c.width; x++) {
      const v = c.data[y * c.width + x] ?? 255;
      for (let ch = 0; ch < channels; ch++) rows[base + 1 + x * channels + ch] = v;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(c.width, 0);
  ihdr.writeUInt32BE(c.height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
