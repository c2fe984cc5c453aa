// Issue 3 end to end through the web host with a SoftHSM2 token: the administrator imports the (pinned) test root
// in Cài đặt; the clerk signs a draft personally, takes the number from the outgoing register (Art. 11.1c), seals
// it with the organization key (Art. 11.1d), sees "hợp lệ" in the signature panel, issues it and finds it in the
// Sổ văn bản đi.
import { readFileSync } from 'node:fs';
import { ADMIN, CLERK, expect, openApp, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { SettingsPage } from './pages/settings-page';
import { SigningPage } from './pages/signing-page';
import { signingInfoPath, type E2eSigningInfo } from './signing-setup';
import { E2E_PORT } from '../../playwright.config';
import { ORG_TOKEN, PERSONAL_TOKEN } from '../support/softhsm/signing-fixture';

test('a clerk signs, numbers, seals, verifies and issues a document with USB tokens', async ({ page }) => {
  const info = JSON.parse(readFileSync(signingInfoPath(E2E_PORT), 'utf8')) as E2eSigningInfo;
  const auth = new AuthPage(page);
  const settings = new SettingsPage(page);
  const signing = new SigningPage(page);

  await openApp(page);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  await signing.importTrustFile(info.rootCert);
  await expect(page.getByTestId('trust-message')).toContainText(`Đã nhập: ${info.rootName}`);
  await settings.addAccount(CLERK, 'Văn thư');
  await auth.logout();
  await auth.login(CLERK);

  await signing.open();
  await signing.chooseDraft(info.draftPdf);
  // Art. 11 step 1: the clerk nudges the boxes with the keyboard (the accessible name carries the position in points).
  const numberBox = signing.fieldBox('Số, ký hiệu');
  await expect(numberBox).toBeVisible();
  const [, x, y] = /x (\d+), y (\d+)/.exec((await numberBox.getAttribute('aria-label')) ?? '') ?? [];
  await signing.moveFieldWithKeys('Số, ký hiệu', ['ArrowRight', 'ArrowRight', 'Shift+ArrowUp']);
  await expect(numberBox).toHaveAttribute('aria-label', `Số, ký hiệu (x ${Number(x) + 2}, y ${Number(y) + 10} điểm)`);
  await signing.moveFieldWithKeys('Ngày ban hành', ['Shift+ArrowDown']);
  await signing.placeFields();
  await signing.fillRegisterData('QĐ-UBND', 'Về việc ban hành quy chế văn thư điện tử');
  await signing.sign(PERSONAL_TOKEN.tokenLabel, PERSONAL_TOKEN.idHex, PERSONAL_TOKEN.pin, 'Ký duyệt');
  await expect(signing.step('number')).toContainText('Đã ký duyệt: Nguyễn Văn An.');
  await page.getByRole('button', { name: 'Cấp số và ngày' }).click();
  await expect(signing.step('seal')).toHaveAttribute('aria-current', 'step');
  await signing.sign(ORG_TOKEN.tokenLabel, ORG_TOKEN.idHex, ORG_TOKEN.pin, 'Ký số cơ quan');
  await expect(signing.step('attachments')).toHaveAttribute('aria-current', 'step');
  await signing.step('attachments').getByRole('button', { name: 'Tiếp tục' }).click();

  const panel = page.getByTestId('verification-panel');
  await expect(panel.getByTestId('verdict')).toContainText('Hợp lệ', { timeout: 90_000 });
  await expect(panel).toContainText('Nguyễn Văn An');
  await expect(panel).toContainText('Ủy ban nhân dân xã Thử Nghiệm');
  const issue = signing.step('verify').getByRole('button', { name: 'Phát hành', exact: true });
  await expect(issue).toBeEnabled({ timeout: 90_000 });
  await issue.click();
  await expect(page.getByText('Đã phát hành văn bản số 01/QĐ-UBND.')).toBeVisible();

  await page.getByRole('button', { name: 'Sổ văn bản đi' }).click();
  const row = page.getByTestId('register-row').first();
  await expect(row).toContainText('01/QĐ-UBND');
  await expect(row).toContainText('Nguyễn Văn An');
});
