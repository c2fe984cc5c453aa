// Page model: Sổ văn bản đến / đi (NĐ 30 Phụ lục IV).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class RegisterPage {
  constructor(private readonly page: Page) {}

  async openIncoming(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sổ văn bản đến' }).click();
  }

  get rows(): Locator {
    return this.page.getByTestId('register-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Tìm kiếm').fill(text);
  }

  async cancel(rowText: string, reason: string): Promise<void> {
    await this.row(rowText).getByRole('button', { name: 'Hủy' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('Lý do hủy').fill(reason);
    await dialog.getByRole('button', { name: 'Xác nhận hủy' }).click();
    await expect(this.row(rowText)).toContainText('Đã hủy');
  }

  async download(buttonName: 'Xuất Excel' | 'In sổ (PDF)'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 120_000 }),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    return download;
  }
}
