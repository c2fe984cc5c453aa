/**
 * PNG reading for scanned pages (RFC 2083 / ISO 15948): chunk walk with CRC checks, bounds, and a full inflate of
 * the image data so a truncated or damaged page is found before it reaches a PDF. The compressed IDAT stream is
 * kept as it is: pages-to-pdf.ts embeds it unchanged (FlateDecode with the PNG predictors), so a page is never
 * re-encoded. `greySamples` undoes the row filters for the ink measurement of batch-split.ts.
 */
import { crc32, inflateSync } from 'node:zlib';
import { AppFailure } from '../../../shared/api/result';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** A4 at 600 dpi is about 35 megapixels; anything far beyond is not a page. */
export const MAX_PAGE_PIXELS = 80_000_000;

export interface PngImage {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA. */
  colorType: number;
  interlaced: boolean;
  /** The concatenated IDAT data (zlib stream, still filtered). */
  idat: Buffer;
  /** Inflated, filtered scanlines (one filter byte per row). */
  raw: Buffer;
  /** PLTE entries for colour type 3. */
  palette?: Buffer;
}

/** Whether the bytes start with the PNG signature. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && Buffer.from(bytes.buffer, bytes.byteOffset, 8).equals(SIGNATURE);
}

function corrupt(detail: string): AppFailure {
  return new AppFailure('SCAN_IMAGE_CORRUPT', 'Ảnh trang quét bị hỏng hoặc không đọc được.', { detail });
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Parse and fully check a PNG. Errors: SCAN_IMAGE_CORRUPT (bad signature, CRC, truncation, sizes, inflate). */
export function readPng(bytes: Buffer): PngImage {
  if (!isPng(bytes)) throw corrupt('no PNG signature');
  let offset = 8;
  let header: Omit<PngImage, 'idat' | 'raw' | 'palette'> | undefined;
  let palette: Buffer | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) throw corrupt(`chunk ${type} truncated`);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) {
      throw corrupt(`CRC mismatch in ${type}`);
    }
    offset += 12 + length;
    if (type === 'IHDR') {
      if (length !== 13) throw corrupt('bad IHDR');
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8] ?? 0,
        colorType: data[9] ?? 0,
        interlaced: data[12] === 1,
      };
    } else if (type === 'PLTE') palette = Buffer.from(data);
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (header === undefined || !ended || idat.length === 0) throw corrupt('missing IHDR, IDAT or IEND');
  const { width, height, bitDepth, colorType } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(bitDepth)) throw corrupt('unsupported colour type or depth');
  if (width === 0 || height === 0 || width * height > MAX_PAGE_PIXELS) throw corrupt(`page size ${width}×${height}`);
  if (colorType === 3 && palette === undefined) throw corrupt('palette missing');
  const stream = Buffer.concat(idat);
  const rowBytes = Math.ceil((width * channels * bitDepth) / 8);
  const expected = header.interlaced ? undefined : height * (rowBytes + 1);
  let raw: Buffer;
  try {
    raw = inflateSync(stream, { maxOutputLength: (expected ?? MAX_PAGE_PIXELS * 8) + 1 });
  } catch (cause) {
    throw corrupt(`image data does not inflate: ${(cause as Error).message}`);
  }
  if (expected !== undefined && raw.length !== expected) throw corrupt(`image data ${raw.length} bytes, expected ${expected}`);
  return palette === undefined ? { ...header, idat: stream, raw } : { ...header, idat: stream, raw, palette };
}

/**
 * Grey level (0 black … 255 white) of every `step`-th pixel of every `step`-th row, for ink measurement.
 * Interlaced images answer undefined (scanners do not write them; the page then counts as content).
 */
export function greySamples(png: PngImage, step: number): { width: number; height: number; grey: Uint8Array } | undefined {
  if (png.interlaced) return undefined;
  const channels = CHANNELS[png.colorType] ?? 1;
  const bpp = Math.max(1, (channels * png.bitDepth) / 8);
  const rowBytes = Math.ceil((png.width * channels * png.bitDepth) / 8);
  const outW = Math.ceil(png.width / step);
  const outH = Math.ceil(png.height / step);
  const grey = new Uint8Array(outW * outH);
  let prev = Buffer.alloc(rowBytes);
  let row = Buffer.alloc(rowBytes);
  for (let y = 0; y < png.height; y++) {
    const base = y * (rowBytes + 1);
    unfilter(png.raw[base] ?? 0, png.raw.subarray(base + 1, base + 1 + rowBytes), prev, row, Math.ceil(bpp));
    if (y % step === 0) {
      const oy = y / step;
      for (let ox = 0; ox < outW; ox++) grey[oy * outW + ox] = pixelGrey(png, row, ox * step);
    }
    [prev, row] = [row, prev];
  }
  return { width: outW, height: outH, grey };
}

function unfilter(filter: number, src: Buffer, prev: Buffer, out: Buffer, bpp: number): void {
  for (let i = 0; i < src.length; i++) {
    const a = i >= bpp ? (out[i - bpp] ?? 0) : 0;
    const b = prev[i] ?? 0;
    const c = i >= bpp ? (prev[i - bpp] ?? 0) : 0;
    const x = src[i] ?? 0;
    let v = x;
    if (filter === 1) v = x + a;
    else if (filter === 2) v = x + b;
    else if (filter === 3) v = x + ((a + b) >> 1);
    else if (filter === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
    }
    out[i] = v & 0xff;
  }
}

function pixelGrey(png: PngImage, row: Buffer, x: number): number {
  const { bitDepth: depth, colorType } = png;
  if (depth < 8) {
    const perByte = 8 / depth;
    const byte = row[Math.floor(x / perByte)] ?? 0;
    const shift = 8 - depth * ((x % perByte) + 1);
    const v = (byte >> shift) & ((1 << depth) - 1);
    if (colorType === 3) return paletteGrey(png.palette, v);
    return Math.round((v * 255) / ((1 << depth) - 1));
  }
  const bytesPer = depth / 8;
  const channels = CHANNELS[colorType] ?? 1;
  const at = (ch: number): number => row[(x * channels + ch) * bytesPer] ?? 0; // high byte of 16-bit samples
  if (colorType === 3) return paletteGrey(png.palette, at(0));
  if (colorType === 2 || colorType === 6) return Math.round(0.299 * at(0) + 0.587 * at(1) + 0.114 * at(2));
  return at(0);
}

function paletteGrey(palette: Buffer | undefined, index: number): number {
  if (palette === undefined) return 255;
  const o = index * 3;
  return Math.round(0.299 * (palette[o] ?? 0) + 0.587 * (palette[o + 1] ?? 0) + 0.114 * (palette[o + 2] ?? 0));
}
