/**
 * Bad input and the text-layer path of OCR (issue 9, "Done when: bad input"): a PDF that already has a text layer
 * is read from it without running tesseract; a page with no text; a corrupt page image; a file that is not a PDF;
 * cancel. Real poppler and tesseract (Debian), documents built by the test itself.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { readPdfPages } from '../../../src/main/scan/ocr/read-pdf-pages';
import { extractFromPdf } from '../../../src/main/scan/extract/extract-from-pdf';
import { AGENCIES, TYPES, randomDoc, seededRandom } from '../../support/nd30-corpus/nd30-spec';
import { renderNd30Pdf } from '../../support/nd30-corpus/render-nd30-pdf';
import { scanLikePaper } from '../../support/nd30-corpus/degrade-scan';
import { expectedFields } from '../../support/nd30-corpus/score';
import { failureOf } from '../../support/failure-of';

const OCR_TIMEOUT = 300_000;

async function imagePdf(jpeg: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = await doc.embedJpg(jpeg);
  doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  return doc.save();
}

/** A white A4 page at 200 dpi with faint speckle, as the back of a sheet comes out of a scanner. */
function blankJpeg(): Uint8Array {
  return new Uint8Array(execFileSync('convert', ['-size', '1654x2339', 'xc:white', '-attenuate', '0.2', '+noise', 'Impulse', '-colorspace', 'Gray', '-density', '200', 'JPEG:-'], { maxBuffer: 64 * 1024 * 1024 }));
}

describe('readPdfPages and extractFromPdf on bad input', () => {
  it('uses the text layer of a PDF that has one, and never starts tesseract', async () => {
    const d = randomDoc(seededRandom(4), 'text-layer', { agency: AGENCIES[2], type: TYPES[1] });
    const vector = await renderNd30Pdf(d);
    // A tesseract that does not exist: any OCR attempt would fail with "not installed".
    const r = await extractFromPdf(vector, { tesseract: '/nonexistent/tesseract' });
    expect(r.pages.map((p) => p.source)).toEqual(['text-layer']);
    const exp = expectedFields(d);
    expect(r.fields.codeNotation).toBe(exp.codeNotation);
    expect(r.fields.date).toBe(exp.date);
    expect(r.fields.type).toBe(exp.type);
    expect(r.fields.abstract).toBe(exp.abstract);
    expect(r.fields.signerName).toBe(exp.signerName);
    expect(r.fields.recipients).toEqual(exp.recipients);
    expect(r.confidence.codeNotation).toBeGreaterThanOrEqual(0.8);
  });

  it('answers EMPTY_FILE with a Vietnamese message when no page has text, and marks a blank page', async () => {
    const pdf = await imagePdf(blankJpeg());
    const pages = await readPdfPages(pdf);
    expect(pages).toMatchObject([{ index: 0, source: 'blank', words: [] }]);
    const failure = await failureOf(extractFromPdf(pdf));
    expect(failure.code).toBe('EMPTY_FILE');
    expect(failure.message).toMatch(/Không nhận dạng được chữ nào/u);
  }, OCR_TIMEOUT);

  it('answers SCAN_IMAGE_CORRUPT for a page image that cannot be decoded', async () => {
    const good = new Uint8Array(execFileSync('convert', ['-size', '1654x2339', 'xc:white', '-density', '200', 'JPEG:-'], { maxBuffer: 64 * 1024 * 1024 }));
    const sos = Buffer.from(good).indexOf(Buffer.from([0xff, 0xda]));
    const broken = new Uint8Array([...good.subarray(0, sos + 12), ...Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)]);
    const failure = await failureOf(readPdfPages(await imagePdf(broken)));
    expect(failure.code).toBe('SCAN_IMAGE_CORRUPT');
    expect(failure.message).toMatch(/Ảnh trang quét bị hỏng/u);
  }, OCR_TIMEOUT);

  it('refuses what is not a PDF, an empty file, and a damaged PDF', async () => {
    expect((await failureOf(readPdfPages(new TextEncoder().encode('xin chào')))).code).toBe('NOT_PDF');
    expect((await failureOf(readPdfPages(new Uint8Array()))).code).toBe('EMPTY_FILE');
    expect((await failureOf(readPdfPages(new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>>\n%%EOF')))).code).toBe('NOT_PDF');
  });

  it('stops with CANCELLED when the signal aborts between pages, and reports progress per page', async () => {
    const d = randomDoc(seededRandom(5), 'cancel', { degrade: { dpi: 200, mode: 'gray', noise: 0, skewDeg: 0, seal: false, blankBack: true, handwritten: false, denStamp: false } });
    const scan = await scanLikePaper(await renderNd30Pdf(d), d.degrade);
    const controller = new AbortController();
    const seen: number[] = [];
    const failure = await failureOf(readPdfPages(scan, { signal: controller.signal, onProgress: (done) => { seen.push(done); if (done === 1) controller.abort(); } }));
    expect(failure.code).toBe('CANCELLED');
    expect(seen).toEqual([0, 1]);
  }, OCR_TIMEOUT);
});
