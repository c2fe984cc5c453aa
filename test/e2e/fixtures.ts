// Playwright fixtures: open the app through the web host's /auth link (the per-launch secret), and build
// small real PDFs with Vietnamese text for registration.
import { test as base, expect, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { E2E_SECRET } from '../../playwright.config';

export const ADMIN = { username: 'quantri', fullName: 'Quản trị viên', password: 'Quan-tri-2026!' };
export const CLERK = { username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', password: 'Van-thu-2026!' };

/** A one-page PDF; the text is ASCII because the standard fonts cannot encode Vietnamese (pdf-signing.md §1.4). */
export async function makePdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText(title, { x: 72, y: 760, size: 14, font });
  return Buffer.from(await doc.save());
}

export async function openApp(page: Page): Promise<void> {
  await page.goto(`/auth?k=${E2E_SECRET}`);
  await expect(page).toHaveURL(/\/$/);
}

export const test = base;
export { expect };
