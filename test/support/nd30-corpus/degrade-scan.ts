/**
 * The test "scanner" for generated documents: rasterizes the vector PDF with poppler's pdftoppm at the scan
 * resolution (100–300 dpi), degrades each page with ImageMagick `convert` (Gaussian noise, speckle,
 * greyscale or bilevel fax quality) and wraps the pages back into an image-only PDF (pdf-lib), as a real scanner
 * would deliver it. The skew is already in the vector page (render-nd30-pdf.ts), which is much cheaper than
 * rotating the raster. No text layer survives: the PDF holds only images.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Degradation } from './nd30-spec';

const run = promisify(execFile);

/**
 * A seed from the degradation and the page: ImageMagick's +noise draws from an unseeded generator otherwise, so the
 * same document gave a different scan (and OCR answer) on every run, and the tests that assert every field flaked.
 */
function seedOf(d: Degradation, page: number): number {
  let h = 7;
  for (const c of `${JSON.stringify(d)}#${page}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

function convertArgs(d: Degradation, input: string, output: string, page: number): string[] {
  const blank = page > 0;
  const args = [input, '-seed', String(seedOf(d, page))];
  if (d.mode !== 'color') args.push('-colorspace', 'Gray');
  const attenuate = [0, 0.25, 0.5, 0.8][d.noise] ?? 0;
  if (attenuate > 0) args.push('-attenuate', String(attenuate), '+noise', 'Gaussian');
  if (d.noise >= 3) args.push('-attenuate', '0.05', '+noise', 'Impulse');
  // The back of a sheet: paper grain and a few specks, no text.
  if (blank) args.push('-attenuate', '0.02', '+noise', 'Impulse');
  if (d.mode === 'bilevel') args.push('-threshold', '60%', '-type', 'Bilevel');
  args.push('-density', String(d.dpi), '-units', 'PixelsPerInch');
  if (d.mode === 'bilevel') args.push(`PNG:${output}.png`);
  else args.push('-quality', '82', `JPEG:${output}.jpg`);
  return args;
}

/** Rasterizes and degrades `vectorPdf`; returns an image-only PDF whose pages are the degraded scans. */
export async function scanLikePaper(vectorPdf: Uint8Array, d: Degradation): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'nd30-scan-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), vectorPdf);
    const colour = d.mode === 'color' ? [] : ['-gray'];
    await run('pdftoppm', ['-r', String(d.dpi), ...colour, '-png', join(dir, 'doc.pdf'), join(dir, 'raw')]);
    const raws = (await readdir(dir)).filter((f) => f.startsWith('raw')).sort();
    const out = await PDFDocument.create();
    for (const [i, raw] of raws.entries()) {
      const base = join(dir, `page-${i}`);
      // One thread: the noise of a seeded run then never depends on how rows were shared out between threads.
      await run('convert', convertArgs(d, join(dir, raw), base, i), { maxBuffer: 1 << 20, env: { ...process.env, MAGICK_THREAD_LIMIT: '1' } });
      const image = d.mode === 'bilevel' ? await out.embedPng(await readFile(`${base}.png`)) : await out.embedJpg(await readFile(`${base}.jpg`));
      const page = out.addPage([595.28, 841.89]);
      page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
    }
    return await out.save();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
