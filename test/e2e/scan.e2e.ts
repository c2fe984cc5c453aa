// Scan → registered (issue 9, Art. 9.1) in Chromium through the web host: the clerk opens Quét văn bản with Alt+7,
// F8 scans the SANE test backend's feeder (scripts/e2e-server.mjs gives the host a private SANE_CONFIG_DIR), the
// progress bar counts pages, Enter hands the scanned PDF to Đăng ký văn bản đến (preview shown), and Enter in the
// form registers it with số đến 1. The registered file is the scanned PDF with all its pages.
import { ADMIN, CLERK, expect, openApp, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { RegisterPage } from './pages/register-page';
import { RegistrationPage } from './pages/registration-page';
import { ScanPage } from './pages/scan-page';
import { SettingsPage } from './pages/settings-page';

test('a clerk scans a feeder stack from the SANE test device and registers it with Enter', async ({ page }) => {
  const auth = new AuthPage(page);
  const settings = new SettingsPage(page);
  const scan = new ScanPage(page);
  const registration = new RegistrationPage(page);
  const register = new RegisterPage(page);

  await openApp(page);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  await settings.open();
  await settings.addAccount(CLERK, 'Văn thư');
  await auth.logout();
  await auth.login(CLERK);

  await scan.openWithKeyboard();
  await expect(page.getByLabel('Máy quét', { exact: true })).toContainText('frontend-tester');
  await scan.choose('Độ phân giải', '75 dpi');
  await expect(page.getByLabel('Nguồn giấy', { exact: true })).toHaveValue('adf');
  await expect(page.getByLabel('Chế độ màu', { exact: true })).toHaveValue('color');

  // The test backend's feeder gives 10 pages, then reports it is empty (environment.md §5).
  await page.keyboard.press('F8');
  await expect(scan.progress).toBeVisible();
  await expect(scan.documentLine(1)).toHaveText('Văn bản 1: 10 trang', { timeout: 90_000 });
  await expect(scan.thumbnail(1)).toBeVisible();
  await expect(scan.registerButton(1)).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Đăng ký văn bản đến' })).toBeVisible();
  await expect(page.getByTestId('pdf-preview').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('pdf-preview')).toContainText('Trang 1/10');

  await registration.fill({
    type: 'Công văn',
    codeNotation: '45/UBND-VP',
    issuer: 'Ủy ban nhân dân huyện Phong Thổ',
    documentDate: '20/11/2026',
    abstract: 'V/v báo cáo kết quả quét văn bản đến',
  });
  await registration.saveWithEnter();
  await registration.expectRegistered(1);

  await register.openIncoming();
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows.first()).toContainText('45/UBND-VP');
});
