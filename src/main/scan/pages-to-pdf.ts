/**
 * Scanned pages → one PDF (pdf-lib), at scan quality: a JPEG page is embedded byte for byte (DCTDecode) and a PNG
 * page keeps its compressed image data unchanged (FlateDecode with the PNG predictor, as img2pdf does), so nothing is
 * re-compressed and colour pages keep the red seal and the signatures exactly as scanned. Each PDF page has the
 * paper's size, computed from the pixels and the scan resolution. Every page is checked first (png-image.ts,
 * jpeg-image.ts); a damaged page is reported by number and the good pages still make a PDF.
 */
import { readFile } from 'node:fs/promises';
import { PDFDocument, PDFName, PDFNumber, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFPage } from '@cantoo/pdf-lib';
import { AppFailure } from '../../shared/api/result';
import { isJpeg, readJpeg } from './image/jpeg-image';
import { isPng, readPng, type PngImage } from './image/png-image';
import type { ScannedPage } from './scanner';

/** Largest page file read (a 600 dpi A4 colour PNG is about 30 MB). */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

export interface PdfBuildResult {
  pdf: Uint8Array;
  /** 1-based numbers of pages left out because their image is damaged. */
  corruptPages: number[];
  pageCount: number;
}

/** Read and check one page file. Errors: SCAN_IMAGE_CORRUPT, TOO_LARGE. */
export async function loadPage(page: ScannedPage): Promise<{ bytes: Buffer; png?: PngImage }> {
  const bytes = await readFile(page.path);
  if (bytes.length > MAX_PAGE_BYTES) throw new AppFailure('TOO_LARGE', 'Trang quét quá lớn.', { bytes: bytes.length });
  if (isPng(bytes)) return { bytes, png: readPng(bytes) };
  if (isJpeg(bytes)) {
    readJpeg(bytes);
    return { bytes };
  }
  throw new AppFailure('SCAN_IMAGE_CORRUPT', 'Ảnh trang quét bị hỏng hoặc không đọc được.', { detail: 'neither PNG nor JPEG' });
}

/** Build the PDF of `pages` scanned at `dpi`. Damaged pages are skipped and listed. Errors: SCAN_IMAGE_CORRUPT (no good page at all). */
export async function pagesToPdf(pages: readonly ScannedPage[], dpi: number, created: Date): Promise<PdfBuildResult> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setProducer('Văn thư số');
  doc.setCreator('Văn thư số: quét văn bản');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  const corruptPages: number[] = [];
  for (const [index, page] of pages.entries()) {
    let loaded: Awaited<ReturnType<typeof loadPage>>;
    try {
      loaded = await loadPage(page);
    } catch (cause) {
      if (cause instanceof AppFailure && cause.code === 'SCAN_IMAGE_CORRUPT') {
        corruptPages.push(index + 1);
        continue;
      }
      throw cause;
    }
    if (loaded.png !== undefined) await addPngPage(doc, loaded.png, loaded.bytes, dpi);
    else await addJpegPage(doc, loaded.bytes, dpi);
  }
  if (doc.getPageCount() === 0) {
    throw new AppFailure('SCAN_IMAGE_CORRUPT', 'Mọi trang quét đều bị hỏng: không tạo được tệp PDF.', { corruptPages });
  }
  const pdf = await doc.save({ useObjectStreams: false });
  return { pdf, corruptPages, pageCount: doc.getPageCount() };
}

function pagePoints(px: number, dpi: number): number {
  return (px / dpi) * 72;
}

function paint(page: PDFPage, name: PDFName, width: number, height: number): void {
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
}

async function addJpegPage(doc: PDFDocument, bytes: Buffer, dpi: number): Promise<void> {
  const image = await doc.embedJpg(bytes);
  const width = pagePoints(image.width, dpi);
  const height = pagePoints(image.height, dpi);
  const page = doc.addPage([width, height]);
  page.drawImage(image, { x: 0, y: 0, width, height });
}

async function addPngPage(doc: PDFDocument, png: PngImage, bytes: Buffer, dpi: number): Promise<void> {
  const width = pagePoints(png.width, dpi);
  const height = pagePoints(png.height, dpi);
  const direct = png.colorType === 0 || png.colorType === 2 || png.colorType === 3;
  if (!direct || png.interlaced) {
    // Alpha or interlacing (not what scanners write): pdf-lib decodes and stores it losslessly (Flate).
    const image = await doc.embedPng(bytes);
    doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
    return;
  }
  const ctx = doc.context;
  const colors = png.colorType === 2 ? 3 : 1;
  const colorSpace =
    png.colorType === 3 && png.palette !== undefined
      ? ctx.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), PDFNumber.of(png.palette.length / 3 - 1), ctx.flateStream(png.palette)])
      : PDFName.of(png.colorType === 2 ? 'DeviceRGB' : 'DeviceGray');
  const stream = ctx.stream(png.idat, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    BitsPerComponent: png.bitDepth,
    ColorSpace: colorSpace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: png.bitDepth, Columns: png.width },
  });
  const ref = ctx.register(stream);
  const page = doc.addPage([width, height]);
  paint(page, page.node.newXObject('Scan', ref), width, height);
}
