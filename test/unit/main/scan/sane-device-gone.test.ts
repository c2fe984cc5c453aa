/**
 * A SANE scanner that fails in the middle of a feeder batch (unplugged: "Error during device I/O", exit status 9)
 * cannot be made with the `test` backend, so a stand-in `scanimage` (a small node script answering -f, -A and one
 * --batch run) plays it. The pages finished before the failure are kept: the scan answers SCANNER_UNAVAILABLE with
 * them in `details.partial`.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../../../src/main/jobs/job-runner';
import { createSaneScanner } from '../../../../src/main/scan/devices/sane-scanner';
import { createScanService } from '../../../../src/main/scan/scan-service';
import { createBlobStore } from '../../../../src/main/storage/blob-store';
import type { ScanResult } from '../../../../src/shared/api/scan-schemas';
import { encodePng, textLines, whiteCanvas } from '../../../support/scan/synthetic-page';

const STAND_IN = String.raw`
import { copyFileSync } from 'node:fs';
const args = process.argv.slice(2);
if (args[0] === '-f') { process.stdout.write('plustek:libusb:001:004\u001fPlustek\u001fOpticFilm\u001fflatbed scanner\n'); process.exit(0); }
if (args.includes('-A')) {
  process.stdout.write('    --mode Lineart|Gray|Color [Color]\n    --resolution 100|200|300dpi [100]\n    --source Flatbed|ADF [Flatbed]\n    -x 0..215mm [215]\n    -y 0..297mm [297]\n');
  process.exit(0);
}
const batch = args.find((a) => a.startsWith('--batch=')).slice(8);
const page = (n) => batch.replace('%04d', String(n).padStart(4, '0'));
process.stderr.write('Scanning infinity pages, incrementing by 1, numbering from 1\nScanning page 1\n');
copyFileSync(process.env.STANDIN_PNG, page(1));
process.stderr.write('Scanned page 1. (scanner status = 5)\nScanning page 2\n');
copyFileSync(process.env.STANDIN_PNG, page(2));
process.stderr.write('Scanned page 2. (scanner status = 5)\nScanning page 3\n');
// Page 3 was being written when the cable came out: only its .part file exists.
copyFileSync(process.env.STANDIN_PNG, page(3) + '.part');
process.stderr.write('scanimage: sane_read: Error during device I/O\n');
process.exit(9);
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vts-sane-standin-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SANE scanner gone mid-batch', () => {
  it('keeps the finished pages and says the scanner was lost', async () => {
    const page = whiteCanvas(200, 280);
    textLines(page, 8);
    await writeFile(join(dir, 'page.png'), encodePng(page, 2));
    await writeFile(join(dir, 'stand-in.mjs'), STAND_IN);
    const command = join(dir, 'scanimage');
    await writeFile(command, `#!/bin/sh\nexec "${process.execPath}" "${join(dir, 'stand-in.mjs')}" "$@"\n`);
    await chmod(command, 0o755);
    const quiet = { warn: () => undefined, error: () => undefined };
    const blobs = createBlobStore({ dataDir: join(dir, 'data'), log: quiet });
    const scans = createScanService({
      blobs,
      jobs: createJobRunner(() => undefined),
      adapters: [createSaneScanner({ command, env: { ...process.env, STANDIN_PNG: join(dir, 'page.png') } })],
      log: quiet,
      tempDir: dir,
    });
    const failure = await scans
      .start({ deviceId: 'sane:plustek:libusb:001:004', settings: { resolution: 100, colorMode: 'color', source: 'adf', pageSize: 'a4', maxPages: 20 }, split: 'none' })
      .then(() => undefined, (e: unknown) => e as { code: string; message: string; details: { reason: string; partial: ScanResult } });
    expect(failure?.code).toBe('SCANNER_UNAVAILABLE');
    expect(failure?.message).toMatch(/Lỗi truyền dữ liệu từ máy quét; các trang đã quét được giữ lại/);
    expect(failure?.details.reason).toBe('io-error');
    expect(failure?.details.partial).toMatchObject({ pagesScanned: 2, documents: [{ pageCount: 2, sourcePages: [1, 2] }] });
    const pdf = (await blobs.get(failure?.details.partial.documents[0]?.file.sha256 ?? '')).bytes;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
