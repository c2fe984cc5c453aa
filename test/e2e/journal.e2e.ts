// The audit journal end to end (Art. 3.3): "Kiểm tra nhật ký" walks the hash chain in the browser's IndexedDB and
// compares its head with main's witness. Cutting the last line out of IndexedDB (what a chain alone cannot show)
// is reported. This test runs its own web host with a fresh data directory, so no other test's journal is in the
// witness.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN, CLERK, expect, test } from './fixtures';
import { AuthPage } from './pages/auth-page';
import { SettingsPage } from './pages/settings-page';

/** The slice of IndexedDB the page callbacks use, typed by hand: the e2e tsconfig has no DOM library. */
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbDatabase {
  transaction(store: string, mode?: 'readonly' | 'readwrite'): {
    objectStore(name: string): { openCursor(query: null, direction: 'prev'): IdbRequest<{ key: unknown } | null>; delete(key: number): unknown };
    oncomplete: (() => void) | null;
  };
  close(): void;
}
type IdbFactory = { open(name: string): IdbRequest<IdbDatabase> };

const PORT = 4397;
const SECRET = 'journal-e2e-secret-0123456789abcdef';
const ORIGIN = `http://127.0.0.1:${PORT}`;

let host: ChildProcess | null = null;
let dataDir = '';

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vanthu-journal-e2e-'));
  host = spawn(process.execPath, ['dist/node/web-host.mjs', '--data-dir', dataDir, '--port', String(PORT)], {
    env: { ...process.env, VANTHU_WEB_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    host?.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('VANTHU_URL=')) resolve();
    });
    host?.once('exit', (code) => reject(new Error(`web host exited with ${String(code)}`)));
  });
});

test.afterAll(async () => {
  host?.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
});

test('Kiểm tra nhật ký: intact, then lines cut off the end of IndexedDB are reported', async ({ page }) => {
  const auth = new AuthPage(page);
  await page.goto(`${ORIGIN}/auth?k=${SECRET}`);
  await auth.createFirstAdmin(ADMIN);
  await auth.loginIfAsked(ADMIN);
  const settings = new SettingsPage(page);
  await settings.addAccountFromAnywhere(CLERK);

  const check = async () => {
    await page.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
  };
  await check();
  await expect(page.getByRole('status').filter({ hasText: 'Nhật ký toàn vẹn' })).toBeVisible();

  // Wait until main has witnessed the newest line, then cut that line out of IndexedDB behind the app's back.
  const newest = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = (globalThis as unknown as { indexedDB: IdbFactory }).indexedDB.open('van-thu-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const cursor = open.result.transaction('journal').objectStore('journal').openCursor(null, 'prev');
          cursor.onsuccess = () => resolve(Number(cursor.result?.key ?? 0));
        };
      }),
  );
  expect(newest).toBeGreaterThan(1);
  await expect
    .poll(async () => {
      const r = await page.request.post(`${ORIGIN}/api/journal.head`, { data: {}, headers: { Origin: ORIGIN } });
      return ((await r.json()) as { value?: { head?: { seq: number } | null } }).value?.head?.seq ?? 0;
    })
    .toBe(newest);
  await page.evaluate(
    (seq) =>
      new Promise<void>((resolve, reject) => {
        const open = (globalThis as unknown as { indexedDB: IdbFactory }).indexedDB.open('van-thu-so');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('journal', 'readwrite');
          tx.objectStore('journal').delete(seq);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    newest,
  );

  await check();
  const alert = page.getByRole('alert').filter({ hasText: 'Nhật ký bị sửa đổi' });
  await expect(alert).toContainText(`hỏng từ mục số ${newest}`);
  await expect(alert).toContainText('các mục cuối đã bị xóa');
});
