// Page model: Ký số và phát hành (the Art. 11 guided screen) and the trust-anchor import in Cài đặt.
import { expect, type Page } from '@playwright/test';

export class SigningPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ký số và phát hành' }).click();
    await expect(this.page.getByRole('heading', { name: 'Ký số và phát hành', level: 1 })).toBeVisible();
  }

  /** Cài đặt → Chứng thư số gốc tin cậy: import from a file. */
  async importTrustFile(path: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Cài đặt' }).click();
    await this.page.getByLabel('Nhập từ tệp (.crt, .cer, .pem, .der, .p7b)').setInputFiles(path);
  }

  /** Step 1: the draft and its register data. */
  async prepare(draftPath: string, notation: string, abstract: string): Promise<void> {
    await this.chooseDraft(draftPath);
    await this.fillRegisterData(notation, abstract);
  }

  async chooseDraft(draftPath: string): Promise<void> {
    await this.page.getByLabel('Chọn tệp PDF').setInputFiles(draftPath);
    await expect(this.page.getByText('Tệp: du-thao.pdf')).toBeVisible();
  }

  /** The draggable box of a field over the draft ('Số, ký hiệu' or 'Ngày ban hành'). */
  fieldBox(name: string) {
    return this.step('prepare').getByRole('button', { name });
  }

  /** Focus a box and move it with the arrow keys (1 pt, Shift 10 pt). */
  async moveFieldWithKeys(name: string, keys: string[]): Promise<void> {
    await this.fieldBox(name).focus();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** "Đặt ô số và ngày": main adds the empty fields where the boxes are. */
  async placeFields(): Promise<void> {
    await this.step('prepare').getByRole('button', { name: 'Đặt ô số và ngày' }).click();
    await expect(this.page.getByText('Đã đặt ô số và ô ngày vào dự thảo.')).toBeVisible();
  }

  async fillRegisterData(notation: string, abstract: string): Promise<void> {
    await this.page.getByLabel('Ký hiệu (phần sau số)').fill(notation);
    await this.page.getByLabel('Trích yếu').fill(abstract);
    await this.page.getByRole('button', { name: 'Tiếp tục' }).click();
  }

  /** Choose token and key, type the PIN and sign with the step's button. */
  async sign(token: string, keyId: string, pin: string, button: string): Promise<void> {
    const step = this.page.locator('li[aria-current="step"]');
    await step.getByLabel('Thiết bị ký số (USB Token)').selectOption(token);
    await expect(step.getByLabel('Chứng thư số').locator(`option[value="${keyId}"]`)).toHaveCount(1);
    await step.getByLabel('Chứng thư số').selectOption(keyId);
    await step.getByLabel('Mã PIN').fill(pin);
    await step.getByRole('button', { name: button }).click();
  }

  step(id: string) {
    return this.page.getByTestId(`step-${id}`);
  }
}
