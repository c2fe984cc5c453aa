// Page model: Quét văn bản (issue 9).
import { expect, type Locator, type Page } from '@playwright/test';

export class ScanPage {
  constructor(private readonly page: Page) {}

  /** The view's keyboard shortcut (Alt+7: its place in the navigation). */
  async openWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Alt+7');
    await expect(this.page.getByRole('heading', { name: 'Quét văn bản' })).toBeVisible();
  }

  async choose(label: 'Máy quét' | 'Độ phân giải' | 'Chế độ màu' | 'Nguồn giấy' | 'Khổ giấy', option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  get progress(): Locator {
    return this.page.locator('progress');
  }

  documentLine(index: number): Locator {
    return this.page.getByText(new RegExp(`^Văn bản ${index}: \\d+ trang$`));
  }

  /**
   * "Đăng ký văn bản này" of the index-th document of this scan (1-based). Scoped to the scan's result: documents of
   * earlier scans on the same web host (other tests) are listed too, under Bản quét chưa đăng ký.
   */
  registerButton(index = 1): Locator {
    return this.page.getByRole('region', { name: /^Kết quả quét/ }).getByRole('button', { name: 'Đăng ký văn bản này' }).nth(index - 1);
  }

  thumbnail(index: number): Locator {
    return this.page.getByLabel(`Trang đầu của văn bản ${index}`);
  }
}
