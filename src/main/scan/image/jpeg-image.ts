/**
 * JPEG checks for scanned pages (ITU T.81 markers): a start-of-image, a frame header with the page size, and an
 * end-of-image marker, so a page cut off mid-transfer (a scanner unplugged, a dropped connection) is refused
 * instead of becoming a half-grey page. The bytes are embedded as they are (DCTDecode), never re-compressed.
 */
import { AppFailure } from '../../../shared/api/result';
import { MAX_PAGE_PIXELS } from './png-image';

export interface JpegInfo {
  width: number;
  height: number;
  components: number;
}

/** Whether the bytes start with a JPEG start-of-image marker. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function corrupt(detail: string): AppFailure {
  return new AppFailure('SCAN_IMAGE_CORRUPT', 'Ảnh trang quét bị hỏng hoặc không đọc được.', { detail });
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Read the frame header and check the end marker. Errors: SCAN_IMAGE_CORRUPT. */
export function readJpeg(bytes: Buffer): JpegInfo {
  if (!isJpeg(bytes)) throw corrupt('no JPEG start-of-image');
  // Some devices pad the file after the end-of-image marker; accept only padding after it.
  const eoi = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
  if (eoi < 2 || bytes.length - eoi > 1024 || bytes.subarray(eoi + 2).some((b) => b !== 0x00 && b !== 0xff)) {
    throw corrupt('no end-of-image marker (truncated)');
  }
  const end = eoi + 2;
  let offset = 2;
  while (offset + 4 <= end) {
    if (bytes[offset] !== 0xff) throw corrupt(`marker expected at ${offset}`);
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2 || offset + 2 + length > end) throw corrupt('segment truncated');
    if (SOF.has(marker)) {
      if (length < 8) throw corrupt('bad frame header');
      const height = bytes.readUInt16BE(offset + 5);
      const width = bytes.readUInt16BE(offset + 7);
      const components = bytes[offset + 9] ?? 0;
      if (width === 0 || height === 0 || width * height > MAX_PAGE_PIXELS) throw corrupt(`page size ${width}×${height}`);
      if (![1, 3, 4].includes(components)) throw corrupt(`${components} colour components`);
      return { width, height, components };
    }
    if (marker === 0xda) break; // start of scan before any frame header
    offset += 2 + length;
  }
  throw corrupt('no frame header');
}
