// Page model: the exchange screens (issue 8): the axis documents in Văn bản đến chờ xử lý, Liên thông văn bản
// (timeline, Thu hồi) and the sync line's "Đồng bộ ngay".
import { expect, type Locator, type Page } from '@playwright/test';

export class ExchangePage {
  constructor(private readonly page: Page) {}

  /** Rows of the received-documents table in Văn bản đến chờ xử lý. */
  get incomingRows(): Locator {
    return this.page.locator('.exchange-inbox tbody tr');
  }

  async syncNow(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Đồng bộ ngay' });
    await expect(button).toBeEnabled();
    await button.click();
  }

  /** Clicks "Đồng bộ ngay" until `check` passes (the engine polls every minute; this only makes it sooner). */
  async syncUntil(check: () => Promise<void>): Promise<void> {
    await expect(async () => {
      await this.syncNow();
      await check();
    }).toPass({ timeout: 120_000 });
  }

  async openIncoming(subject: string): Promise<void> {
    await this.incomingRows.filter({ hasText: subject }).getByRole('button', { name: 'Mở' }).click();
    await expect(this.page.getByRole('heading', { name: 'Đăng ký văn bản điện tử' })).toBeVisible();
  }

  async openExchangeView(): Promise<void> {
    await this.page.keyboard.press('Alt+8');
    await expect(this.page.getByRole('heading', { name: 'Liên thông văn bản', level: 1 })).toBeVisible();
  }

  sentDocument(subject: string): Locator {
    return this.page.locator('.sent-document').filter({ hasText: subject });
  }
}
