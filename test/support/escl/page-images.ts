/**
 * Real page images for the eSCL test device, drawn by ImageMagick `convert` (Debian imagemagick): typed lines of a
 * Vietnamese document with a red round seal over the signature, a blank page with dust, and the printed separator
 * sheet ("PHÂN TÁCH" above a row of thick bars, batch-split.ts). 100 dpi A5 keeps them small and fast.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestPage } from './escl-test-device';

const run = promisify(execFile);
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
/** A5 at 100 dpi. */
export const PAGE_PX = { width: 583, height: 827 };

async function draw(dir: string, name: string, args: string[]): Promise<Buffer> {
  const out = join(dir, name);
  await run('convert', ['-size', `${PAGE_PX.width}x${PAGE_PX.height}`, 'xc:white', '-units', 'PixelsPerInch', '-density', '100', ...args, '-depth', '8', out]);
  return readFile(out);
}

/** A document page: title, typed lines, a red seal. `format` png (RGB) or jpeg. */
export async function documentPage(dir: string, n: number, format: 'png' | 'jpeg'): Promise<TestPage> {
  const lines = Array.from({ length: 14 }, (_, i) => ['-annotate', `+50+${170 + i * 28}`, `Dòng ${i + 1} của trang ${n}: nội dung văn bản hành chính`]).flat();
  const bytes = await draw(dir, `doc-${n}.${format === 'png' ? 'png' : 'jpg'}`, [
    '-font', FONT, '-fill', 'black', '-pointsize', '22', '-annotate', '+170+100', `CÔNG VĂN SỐ ${n}`,
    '-pointsize', '14', ...lines,
    '-fill', 'none', '-stroke', '#d01010', '-strokewidth', '6', '-draw', 'circle 420,700 420,640',
    ...(format === 'png' ? ['-type', 'TrueColor'] : ['-quality', '90']),
  ]);
  return { bytes, type: format === 'png' ? 'image/png' : 'image/jpeg' };
}

/** A white sheet with a few specks of dust (PNG). */
export async function blankPage(dir: string, n: number): Promise<TestPage> {
  const bytes = await draw(dir, `blank-${n}.png`, ['-fill', 'black', '-draw', 'point 100,200', '-draw', 'point 300,500', '-draw', 'rectangle 400,300 401,301', '-type', 'TrueColor']);
  return { bytes, type: 'image/png' };
}

/** The printed separator sheet (PNG). */
export async function separatorPage(dir: string, n: number): Promise<TestPage> {
  const bars = Array.from({ length: 8 }, (_, i) => {
    const x = 60 + i * 62;
    return ['-draw', `rectangle ${x},260 ${x + 30},570`];
  }).flat();
  const bytes = await draw(dir, `separator-${n}.png`, ['-font', FONT, '-fill', 'black', '-pointsize', '40', '-annotate', '+150+180', 'PHÂN TÁCH', ...bars, '-type', 'TrueColor']);
  return { bytes, type: 'image/png' };
}
