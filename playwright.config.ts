// End-to-end tests: the whole app through the web host in Debian's Chromium (never `playwright install`).
// The server is the built web host with a fresh data directory and a fixed test secret (scripts/e2e-server.mjs).
import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env.VANTHU_E2E_PORT ?? 4391);
export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  // Generous on purpose (issue 7): every wait is for a state, so these only matter when the state never comes,
  // and CI may share its cores with other work.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.ci/out/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    // A 401 (no secret yet) counts as up for Playwright.
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 300_000,
    env: { VANTHU_PORT: String(E2E_PORT), VANTHU_WEB_SECRET: E2E_SECRET },
  },
});
