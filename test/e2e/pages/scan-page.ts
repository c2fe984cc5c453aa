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

  thumbnail(index: number): Locator {
    return this.page.getByLabel(`Trang đầu của văn bản ${index}`);
  }
}
