// Page model: Cài đặt (accounts section).
import { expect, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cài đặt' }).click();
  }

  /** Opens Cài đặt and adds the account (the administrator's first task after the first run). */
  async addAccountFromAnywhere(user: { username: string; fullName: string; password: string }, role = 'Văn thư'): Promise<void> {
    await this.open();
    await this.addAccount(user, role);
  }

  async addAccount(user: { username: string; fullName: string; password: string }, role: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Thêm tài khoản' });
    await form.getByLabel('Tên đăng nhập').fill(user.username);
    await form.getByLabel('Họ và tên').fill(user.fullName);
    await form.getByLabel('Mật khẩu').fill(user.password);
    await form.getByLabel('Vai trò').selectOption({ label: role });
    await form.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await expect(this.page.getByRole('cell', { name: user.username, exact: true })).toBeVisible();
  }
}
