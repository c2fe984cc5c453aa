// Page model: first-run administrator creation, login and logout.
import { expect, type Page } from '@playwright/test';

export class AuthPage {
  constructor(private readonly page: Page) {}

  async createFirstAdmin(user: { username: string; fullName: string; password: string }): Promise<void> {
    const p = this.page;
    await expect(p.getByRole('heading', { name: 'Tạo tài khoản quản trị' })).toBeVisible();
    await p.getByLabel('Tên đăng nhập').fill(user.username);
    await p.getByLabel('Họ và tên').fill(user.fullName);
    await p.getByLabel('Mật khẩu', { exact: true }).fill(user.password);
    await p.getByLabel('Nhập lại mật khẩu').fill(user.password);
    await p.getByRole('button', { name: 'Tạo tài khoản' }).click();
  }

  async loginIfAsked(user: { username: string; password: string }): Promise<void> {
    const heading = this.page.getByRole('heading', { name: 'Đăng nhập' });
    const nav = this.page.getByRole('button', { name: 'Đăng xuất' });
    await expect(heading.or(nav)).toBeVisible();
    if (await heading.isVisible()) await this.login(user);
  }

  async login(user: { username: string; password: string }): Promise<void> {
    const p = this.page;
    await expect(p.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
    await p.getByLabel('Tên đăng nhập').fill(user.username);
    await p.getByLabel('Mật khẩu').fill(user.password);
    await p.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(p.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect(this.page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
  }
}
