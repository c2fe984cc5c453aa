/** Damaged scanned pages are found before they reach a PDF (issue 9, "Bad input": a corrupt image). */
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { readJpeg } from '../../../../src/main/scan/image/jpeg-image';
import { readPng } from '../../../../src/main/scan/image/png-image';
import { encodePng, textLines, whiteCanvas } from '../../../support/scan/synthetic-page';

function page(): Buffer {
  const c = whiteCanvas(120, 160);
  textLines(c, 5);
  return encodePng(c, 2);
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (cause) {
    return (cause as { code?: string }).code;
  }
  return undefined;
}

describe('readPng', () => {
  it('reads a good page', () => {
    expect(readPng(page())).toMatchObject({ width: 120, height: 160, bitDepth: 8, colorType: 2, interlaced: false });
  });

  it('refuses a truncated page, a flipped byte and a page whose data does not inflate', () => {
    const good = page();
    expect(codeOf(() => readPng(good.subarray(0, good.length - 40)))).toBe('SCAN_IMAGE_CORRUPT');
    const flipped = Buffer.from(good);
    flipped[60] = (flipped[60] ?? 0) ^ 0xff;
    expect(codeOf(() => readPng(flipped))).toBe('SCAN_IMAGE_CORRUPT');
    // Damage inside IDAT with a recomputed CRC: only the inflate check can see it.
    const idatAt = good.indexOf('IDAT', 0, 'latin1');
    const length = good.readUInt32BE(idatAt - 4);
    const bad = Buffer.from(good);
    bad.fill(0x55, idatAt + 4 + 2, idatAt + 4 + Math.min(length, 40));
    bad.writeUInt32BE(crc32(bad.subarray(idatAt, idatAt + 4 + length)), idatAt + 4 + length);
    expect(codeOf(() => readPng(bad))).toBe('SCAN_IMAGE_CORRUPT');
    expect(codeOf(() => readPng(Buffer.from('not an image at all')))).toBe('SCAN_IMAGE_CORRUPT');
  });
});

describe('readJpeg', () => {
  // A minimal baseline JPEG header: SOI, SOF0 (8-bit, 30×20, 3 components), SOS, data, EOI.
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x14, 0x00, 0x1e, 0x03, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, ...sof, 0xff, 0xda, 0x00, 0x02, 0x12, 0x34, 0xff, 0xd9]);

  it('reads the frame size and accepts padding after the end marker', () => {
    expect(readJpeg(jpeg)).toEqual({ width: 30, height: 20, components: 3 });
    expect(readJpeg(Buffer.concat([jpeg, Buffer.alloc(16)]))).toEqual({ width: 30, height: 20, components: 3 });
  });

  it('refuses a JPEG cut off before its end marker', () => {
    expect(codeOf(() => readJpeg(jpeg.subarray(0, jpeg.length - 4)))).toBe('SCAN_IMAGE_CORRUPT');
  });
});
