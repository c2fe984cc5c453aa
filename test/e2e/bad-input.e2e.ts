// Bad input at the registration form (issue 2 "Done when"): a 0-byte file, a non-PDF renamed .pdf, a 300 MB
// file, a missing abstract, a duplicate số/ký hiệu from the same sender. Each gets a clear Vietnamese message
// and nothing already stored changes.
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, CLERK, expect, makePdf, openApp, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { RegisterPage } from './pages/register-page';
import { RegistrationPage } from './pages/registration-page';
import { SettingsPage } from './pages/settings-page';

const FIRST = {
  type: 'Công văn',
  codeNotation: '07/STTTT-VP',
  issuer: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
  documentDate: '10/11/2026',
  abstract: 'V/v báo cáo tình hình ứng dụng chữ ký số',
};

test('bad files, a missing abstract and a duplicate are refused in Vietnamese, nothing stored changes', async ({ page }) => {
  const auth = new AuthPage(page);
  const registration = new RegistrationPage(page);
  const register = new RegisterPage(page);
  await openApp(page);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  await new SettingsPage(page).addAccountFromAnywhere(CLERK);
  await auth.logout();
  await auth.login(CLERK);

  await registration.open();
  await registration.chooseFile({ name: 'a.pdf', mimeType: 'application/pdf', buffer: await makePdf('A') });
  await registration.fill(FIRST);
  await registration.saveWithEnter();
  await registration.expectRegistered(1);

  await registration.chooseFile({ name: 'rong.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
  await expect(registration.alert).toContainText(/rỗng/i);

  await registration.chooseFile({ name: 'gia-mao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 không phải PDF') });
  await expect(registration.alert).toContainText(/không phải.*PDF/i);

  // A sparse 300 MB file: refused from its size before a byte of it is read.
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-big-'));
  const big = join(dir, 'scan-300mb.pdf');
  const handle = await open(big, 'w');
  await handle.truncate(300 * 1024 * 1024);
  await handle.close();
  try {
    await registration.chooseFile(big);
    await expect(registration.alert).toContainText(/quá lớn/i);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // Missing abstract: the field error names it, and nothing is registered.
  await registration.chooseFile({ name: 'b.pdf', mimeType: 'application/pdf', buffer: await makePdf('B') });
  await registration.fill({ ...FIRST, codeNotation: '08/STTTT-VP', abstract: '' });
  await registration.saveWithEnter();
  await expect(page.getByText(/trích yếu/i).and(page.locator('[role="alert"], .field-error')).first()).toBeVisible();

  // Duplicate số/ký hiệu from the same sender: warned, allowed only with confirmation.
  await registration.fill(FIRST);
  await registration.saveWithEnter();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('07/STTTT-VP');
  await dialog.getByRole('button', { name: 'Quay lại' }).click();

  await register.openIncoming();
  await expect(register.rows).toHaveCount(1);

  await registration.open();
  await registration.chooseFile({ name: 'c.pdf', mimeType: 'application/pdf', buffer: await makePdf('C') });
  await registration.fill(FIRST);
  await registration.saveWithEnter();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Vẫn đăng ký' }).click();
  await registration.expectRegistered(2);
  await register.openIncoming();
  await expect(register.rows).toHaveCount(2);
});
