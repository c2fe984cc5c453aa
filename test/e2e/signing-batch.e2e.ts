// Issue 3 "Batch: several documents signed with one PIN entry, with progress and cancel": a leader signs two drafts
// personally with one PIN entry on a SoftHSM2 token through the web host; both wait "Chờ cấp số", and the clerk
// finds them in the signing screen to continue at Cấp số (Art. 11.1b → c).
import { readFileSync } from 'node:fs';
import { ADMIN, CLERK, expect, makePdf, openApp, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { SettingsPage } from './pages/settings-page';
import { SigningPage } from './pages/signing-page';
import { signingInfoPath, type E2eSigningInfo } from './signing-setup';
import { E2E_PORT } from '../../playwright.config';
import { PERSONAL_TOKEN } from '../support/softhsm/signing-fixture';

const LEADER = { username: 'lanhdao', fullName: 'Nguyễn Văn An', password: 'Lanh-dao-2026!' };

test('a leader signs two drafts with one PIN entry; the clerk finds both waiting for a number', async ({ page }) => {
  const info = JSON.parse(readFileSync(signingInfoPath(E2E_PORT), 'utf8')) as E2eSigningInfo;
  const auth = new AuthPage(page);
  const settings = new SettingsPage(page);
  const signing = new SigningPage(page);

  await openApp(page);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  await signing.importTrustFile(info.rootCert);
  await expect(page.getByTestId('trust-message')).toContainText(`Đã nhập: ${info.rootName}`);
  await settings.addAccount(LEADER, 'Lãnh đạo');
  await settings.addAccount(CLERK, 'Văn thư');
  await auth.logout();
  await auth.login(LEADER);

  await signing.open();
  await page.getByRole('group', { name: 'Chế độ ký' }).getByRole('button', { name: 'Ký duyệt nhiều văn bản' }).click();
  const batch = page.getByTestId('personal-batch');
  await batch.getByLabel('Chọn các dự thảo PDF').setInputFiles([
    { name: 'du-thao-quy-che.pdf', mimeType: 'application/pdf', buffer: readFileSync(info.draftPdf) },
    { name: 'ke-hoach-chuyen-doi-so.pdf', mimeType: 'application/pdf', buffer: await makePdf('Ke hoach chuyen doi so') },
  ]);
  await expect(batch.getByTestId('batch-item')).toHaveCount(2);
  await batch.getByLabel('Ký hiệu (phần sau số)').fill('UBND-VP');
  await batch.getByLabel('Thiết bị ký số (USB Token)').selectOption(PERSONAL_TOKEN.tokenLabel);
  await expect(batch.getByLabel('Chứng thư số').locator(`option[value="${PERSONAL_TOKEN.idHex}"]`)).toHaveCount(1);
  await batch.getByLabel('Chứng thư số').selectOption(PERSONAL_TOKEN.idHex);
  await batch.getByLabel('Mã PIN').fill(PERSONAL_TOKEN.pin);
  await batch.getByRole('button', { name: 'Ký duyệt 2 văn bản (một lần nhập PIN)' }).click();

  await expect(batch.getByRole('status')).toContainText('Đã ký duyệt 2 văn bản; tất cả đang chờ văn thư cấp số.', { timeout: 120_000 });
  await expect(batch.getByTestId('batch-item').filter({ hasText: 'Đã ký duyệt, chờ cấp số' })).toHaveCount(2);

  await auth.logout();
  await auth.login(CLERK);
  await signing.open();
  await expect(page.getByRole('button', { name: 'Tiếp tục cấp số' })).toHaveCount(2);
});
