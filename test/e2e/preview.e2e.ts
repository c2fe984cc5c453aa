// The pdf.js preview draws what scanned documents really contain: a JPEG 2000 image (decoded by pdf.js's
// WebAssembly OpenJPEG, shipped with the build and allowed by the CSP's 'wasm-unsafe-eval'), not a blank page.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN, CLERK, expect, openApp, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { RegistrationPage } from './pages/registration-page';
import { SettingsPage } from './pages/settings-page';

/** A one-page A4 PDF whose only content is `image` (JPXDecode) at x 100–400, y 400–700 (points from bottom-left). */
function pdfWithJpx(image: Buffer, width: number, height: number): Buffer {
  const content = 'q 300 0 0 300 100 400 cm /Im1 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  const push = (b: Buffer) => { chunks.push(b); length += b.length; };
  objects.forEach((body, i) => { offsets.push(length); push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1')); });
  offsets.push(length);
  push(Buffer.from(`5 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /Filter /JPXDecode /Length ${image.length} >>\nstream\n`, 'latin1'));
  push(image);
  push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${rows}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

test('a scanned page with a JPEG 2000 image is drawn in the preview', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-jpx-'));
  try {
    const jp2 = join(dir, 'red.jp2');
    await promisify(execFile)('convert', ['-size', '120x120', 'xc:#d01010', jp2]);
    const pdf = pdfWithJpx(await readFile(jp2), 120, 120);

    const auth = new AuthPage(page);
    await openApp(page);
    await auth.createFirstAdmin(ADMIN);
    await auth.loginIfAsked(ADMIN);
    await new SettingsPage(page).addAccountFromAnywhere(CLERK);
    await auth.logout();
    await auth.login(CLERK);
    const registration = new RegistrationPage(page);
    await registration.open();
    await registration.chooseFile({ name: 'scan-jpx.pdf', mimeType: 'application/pdf', buffer: pdf });

    const canvas = page.getByTestId('pdf-preview').locator('canvas');
    await expect(canvas).toBeVisible();
    // The image centre is at x 250/595, y (842-550)/842 of the page: wait until pdf.js has painted it red.
    const centre = () =>
      // Runs in the page: the canvas is typed structurally because the e2e tsconfig has no DOM library.
      canvas.evaluate((c): number[] => {
        const el = c as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
        };
        const data = el.getContext('2d')?.getImageData(Math.floor((el.width * 250) / 595), Math.floor((el.height * 292) / 842), 1, 1).data;
        return data ? [data[0] ?? 0, data[1] ?? 0, data[2] ?? 0] : [];
      });
    const isRed = ([r = 0, g = 255, b = 255]: number[]) => r > 150 && g < 80 && b < 80;
    await expect.poll(async () => isRed(await centre()), { timeout: 60_000 }).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
