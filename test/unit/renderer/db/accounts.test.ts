import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { authenticate, createAccount, createFirstAdmin, hasAnyAccount, listAccounts, setAccountDisabled } from '../../../../src/renderer/db/accounts';
import { verifyJournal } from '../../../../src/renderer/db/journal';
import type { AppDB } from '../../../../src/renderer/db/db';
import { fakeAuthApi, freshDb } from './support';

const ADMIN_PASSWORD = 'Mật-khẩu-quản-trị-2026';
const CLERK_PASSWORD = 'vanthu-bi-mat-9';

let ids = 0;
const newId = (): string => `acc-${++ids}`;

async function withAdmin(db: AppDB) {
  const { api, calls } = fakeAuthApi();
  const admin = await createFirstAdmin(db, api, { username: ' Admin ', fullName: 'Quản trị viên', password: ADMIN_PASSWORD, at: 100, newId });
  return { api, calls, admin };
}

/** Every value in every table, as one text. */
async function dump(db: AppDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return JSON.stringify(tables);
}

describe('accounts (Art. 3.7)', () => {
  it('creates the first administrator once, with a lower-case user name and only a hash', async () => {
    const db = freshDb();
    expect(await hasAnyAccount(db)).toBe(false);
    const { api, calls, admin } = await withAdmin(db);
    expect(admin).toMatchObject({ username: 'admin', fullName: 'Quản trị viên', role: 'quan-tri', disabled: false, createdAt: 100 });
    expect(admin.passwordHash).toMatch(/^scrypt\$/);
    expect(calls).toEqual(['auth.hashPassword']);
    expect(await hasAnyAccount(db)).toBe(true);
    await expect(createFirstAdmin(db, api, { username: 'admin2', fullName: 'Người khác', password: 'another-password', at: 101, newId })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await listAccounts(db)).toHaveLength(1);
    expect(calls).toEqual(['auth.hashPassword']); // refused before hashing
  });

  it('signs in with the right password only, and journals both outcomes', async () => {
    const db = freshDb();
    const { api, admin } = await withAdmin(db);
    expect(await authenticate(db, api, 'ADMIN', ADMIN_PASSWORD, 200)).toEqual(admin);
    expect(await authenticate(db, api, 'admin', 'wrong-password', 201)).toBeNull();
    expect(await authenticate(db, api, 'nobody', ADMIN_PASSWORD, 202)).toBeNull();
    expect(await authenticate(db, api, 'admin', '', 203)).toBeNull();
    const journal = await db.journal.orderBy('seq').toArray();
    expect(journal.map((j) => [j.action, j.subject])).toEqual([
      ['account.created', 'admin'],
      ['session.login', 'admin'],
      ['session.loginFailed', 'admin'],
      ['session.loginFailed', 'nobody'],
      ['session.loginFailed', 'admin'],
    ]);
    expect(await verifyJournal(db)).toEqual({ ok: true, count: 5 });
  });

  it('lets an administrator create accounts, but not a chuyên viên or a văn thư', async () => {
    const db = freshDb();
    const { api } = await withAdmin(db);
    const clerk = await createAccount(db, api, { username: 'vanthu', fullName: 'Nguyễn Thị Văn Thư', password: CLERK_PASSWORD, role: 'van-thu', actor: 'admin', actorRole: 'quan-tri', at: 300, newId });
    expect(clerk.role).toBe('van-thu');
    for (const actorRole of ['chuyen-vien', 'van-thu', 'lanh-dao'] as const) {
      await expect(
        createAccount(db, api, { username: 'moi', fullName: 'Người mới', password: 'password-123', role: 'quan-tri', actor: 'x', actorRole, at: 301, newId }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(
      createAccount(db, api, { username: 'VANTHU', fullName: 'Trùng tên', password: 'password-123', role: 'van-thu', actor: 'admin', actorRole: 'quan-tri', at: 302, newId }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await listAccounts(db)).map((a) => a.username)).toEqual(['admin', 'vanthu']);
    expect(await authenticate(db, api, 'vanthu', CLERK_PASSWORD, 303)).toMatchObject({ username: 'vanthu' });
  });

  it('refuses bad input with VALIDATION and stores nothing', async () => {
    const db = freshDb();
    const { api, calls } = fakeAuthApi();
    const bad = [
      { username: 'ab', fullName: 'Tên', password: 'password-1' },
      { username: 'có dấu', fullName: 'Tên', password: 'password-1' },
      { username: 'admin', fullName: '   ', password: 'password-1' },
      { username: 'admin', fullName: 'Tên', password: 'short' },
    ];
    for (const input of bad) {
      await expect(createFirstAdmin(db, api, { ...input, at: 1, newId })).rejects.toMatchObject({ code: 'VALIDATION' });
    }
    expect(calls).toEqual([]);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.journal.count()).toBe(0);
  });

  it('disables and re-enables an account, but never the last administrator', async () => {
    const db = freshDb();
    const { api, admin } = await withAdmin(db);
    const clerk = await createAccount(db, api, { username: 'vanthu', fullName: 'Văn thư', password: CLERK_PASSWORD, role: 'van-thu', actor: 'admin', actorRole: 'quan-tri', at: 1, newId });
    await setAccountDisabled(db, { accountId: clerk.id, disabled: true, actor: 'admin', actorRole: 'quan-tri', at: 2 });
    expect(await authenticate(db, api, 'vanthu', CLERK_PASSWORD, 3)).toBeNull();
    await setAccountDisabled(db, { accountId: clerk.id, disabled: false, actor: 'admin', actorRole: 'quan-tri', at: 4 });
    expect(await authenticate(db, api, 'vanthu', CLERK_PASSWORD, 5)).not.toBeNull();
    await expect(setAccountDisabled(db, { accountId: admin.id, disabled: true, actor: 'admin', actorRole: 'quan-tri', at: 6 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(setAccountDisabled(db, { accountId: clerk.id, disabled: true, actor: 'vanthu', actorRole: 'van-thu', at: 7 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(setAccountDisabled(db, { accountId: 'nope', disabled: true, actor: 'admin', actorRole: 'quan-tri', at: 8 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps no password text anywhere in the database or the journal', async () => {
    const db = freshDb();
    const { api } = await withAdmin(db);
    await createAccount(db, api, { username: 'vanthu', fullName: 'Văn thư', password: CLERK_PASSWORD, role: 'van-thu', actor: 'admin', actorRole: 'quan-tri', at: 1, newId });
    await authenticate(db, api, 'vanthu', CLERK_PASSWORD, 2);
    await authenticate(db, api, 'vanthu', ADMIN_PASSWORD, 3); // a wrong password is not kept either
    await authenticate(db, api, 'admin', ADMIN_PASSWORD, 4);
    const text = await dump(db);
    expect(text).toContain('vanthu'); // the dump really holds the records
    for (const secret of [ADMIN_PASSWORD, CLERK_PASSWORD, JSON.stringify(ADMIN_PASSWORD).slice(1, -1)]) expect(text).not.toContain(secret);
    const journal = await db.journal.toArray();
    expect(journal.some((j) => j.payload.includes('passwordHash') || j.payload.includes('scrypt$'))).toBe(false);
  });
});
