// Page model: Đăng ký văn bản đến (Art. 9.1).
import { expect, type Locator, type Page } from '@playwright/test';

export interface IncomingInput {
  type: string;
  codeNotation: string;
  issuer: string;
  documentDate: string;
  abstract: string;
  urgency?: string;
}

export class RegistrationPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng ký văn bản đến' }).click();
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  async chooseFile(file: { name: string; mimeType: string; buffer: Buffer } | string): Promise<void> {
    await this.page.getByLabel('Chọn tệp PDF').setInputFiles(file);
  }

  async fill(input: IncomingInput): Promise<void> {
    const p = this.page;
    await p.getByLabel('Loại văn bản').selectOption({ label: input.type });
    await p.getByLabel('Số, ký hiệu').fill(input.codeNotation);
    await p.getByLabel('Cơ quan ban hành').fill(input.issuer);
    await p.getByLabel('Ngày văn bản').fill(input.documentDate);
    await p.getByLabel('Trích yếu').fill(input.abstract);
    if (input.urgency) await p.getByLabel('Độ khẩn').selectOption({ label: input.urgency });
  }

  /** Enter saves (keyboard-first). */
  async saveWithEnter(): Promise<void> {
    await this.page.getByLabel('Trích yếu').press('Enter');
  }

  async expectRegistered(number: number): Promise<void> {
    const status = this.page.getByRole('status').filter({ hasText: 'Số đến:' });
    await expect(status).toContainText(`Số đến: ${number}`);
    await expect(status).toContainText('Thời điểm nhận hợp lệ');
  }
}
