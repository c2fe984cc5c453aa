// The foundation's end-to-end path (issue 2 "Done when"): log in, register two incoming paper documents
// (numbers 1 and 2, Art. 9.4), cancel one (it stays, marked), search without diacritics, export and print
// the register, reload and see everything still there.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { ADMIN, CLERK, expect, makePdf, openApp, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { RegisterPage } from './pages/register-page';
import { RegistrationPage } from './pages/registration-page';
import { SettingsPage } from './pages/settings-page';

test('a clerk registers, cancels, searches, exports and finds it all after a reload', async ({ page }) => {
  const auth = new AuthPage(page);
  const settings = new SettingsPage(page);
  const registration = new RegistrationPage(page);
  const register = new RegisterPage(page);

  await openApp(page);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  await settings.open();
  await settings.addAccount(CLERK, 'Văn thư');
  await auth.logout();
  await auth.login(CLERK);

  await registration.open();
  await registration.chooseFile({ name: 'cong-van-125.pdf', mimeType: 'application/pdf', buffer: await makePdf('Cong van 125') });
  await expect(page.getByTestId('pdf-preview').locator('canvas')).toBeVisible();
  await registration.fill({
    type: 'Công văn',
    codeNotation: '125/UBND-VP',
    issuer: 'Ủy ban nhân dân huyện Tam Đường',
    documentDate: '20/11/2026',
    abstract: 'V/v triển khai kế hoạch chuyển đổi số năm 2027',
    urgency: 'Khẩn',
  });
  await registration.saveWithEnter();
  await registration.expectRegistered(1);

  await registration.chooseFile({ name: 'quyet-dinh-12.pdf', mimeType: 'application/pdf', buffer: await makePdf('Quyet dinh 12') });
  await registration.fill({
    type: 'Quyết định',
    codeNotation: '12/QĐ-UBND',
    issuer: 'Sở Nội vụ tỉnh Lai Châu',
    documentDate: '18/11/2026',
    abstract: 'Quyết định phê duyệt Đề án đào tạo cán bộ xã',
  });
  await registration.saveWithEnter();
  await registration.expectRegistered(2);

  await register.openIncoming();
  await expect(register.rows).toHaveCount(2);
  await register.cancel('12/QĐ-UBND', 'Đăng ký nhầm, văn bản gửi sai nơi nhận');
  await expect(register.rows).toHaveCount(2); // Art. 9.4: a cancelled entry keeps its number and stays visible

  await register.search('de an dao tao');
  await expect(register.rows).toHaveCount(1);
  await expect(register.rows.first()).toContainText('Đề án đào tạo');
  await expect(register.rows.first()).toContainText('Đã hủy');
  await register.search('');
  await expect(register.rows).toHaveCount(2);

  const xlsx = await register.download('Xuất Excel');
  expect(xlsx.suggestedFilename()).toMatch(/^so-van-ban-den-\d{4}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const xlsxBytes = await readFile((await xlsx.path())!);
  await workbook.xlsx.load(xlsxBytes.buffer.slice(xlsxBytes.byteOffset, xlsxBytes.byteOffset + xlsxBytes.byteLength));
  const sheet = workbook.worksheets[0]!;
  const text = JSON.stringify(sheet.getSheetValues());
  expect(text).toContain('Số đến');
  expect(text).toContain('125/UBND-VP');
  expect(text).toContain('12/QĐ-UBND');
  expect(text).toContain('Đã hủy');

  const pdf = await register.download('In sổ (PDF)');
  expect(pdf.suggestedFilename()).toMatch(/^so-van-ban-den-\d{4}\.pdf$/);
  const pdfBytes = await readFile((await pdf.path())!);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.reload();
  await auth.loginIfAsked(CLERK);
  await register.openIncoming();
  await expect(register.rows).toHaveCount(2);
  await expect(register.row('125/UBND-VP')).toContainText('Tam Đường');
  await expect(register.row('12/QĐ-UBND')).toContainText('Đã hủy');
});
