// The store's slices with injected deps (house rule 13): login through the data layer, the idle lock of
// Art. 3.7 driven by a fake clock, UI filters/dialogs/toasts, and job progress from `job.progress` events.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFirstAdmin } from '../../../../src/renderer/db/accounts';
import { createDb, type AppDB } from '../../../../src/renderer/db/db';
import { connectStore, createAppStore, type AppStore } from '../../../../src/renderer/stores/app-store';
import { createFakeApi, TEST_SETTINGS, type FakeApi } from '../support/fake-api';

const START = Date.parse('2026-11-24T02:00:00Z'); // 09:00 in Hà Nội
let db: AppDB;
let api: FakeApi;
let clock: number;
let store: AppStore;
let ids = 0;

beforeEach(async () => {
  db = createDb(`store-test-${Math.random().toString(36).slice(2)}`);
  api = createFakeApi();
  clock = START;
  store = createAppStore({ api, db, now: () => new Date(clock), newId: () => `id-${(ids += 1)}-abcdefgh` });
  await createFirstAdmin(db, api, { username: 'quantri', fullName: 'Quản trị viên', password: 'Quan-tri-2026!', at: clock });
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('session slice', () => {
  it('signs in with the right password and refuses a wrong one', async () => {
    expect(await store.getState().login('quantri', 'sai-mat-khau')).toBe('wrong');
    expect(store.getState().account).toBeNull();
    expect(await store.getState().login('quantri', 'Quan-tri-2026!')).toBe('ok');
    expect(store.getState().account).toMatchObject({ username: 'quantri', fullName: 'Quản trị viên', role: 'quan-tri' });
    expect(store.getState().account).not.toHaveProperty('passwordHash');
  });

  it('locks after settings.lockAfterMinutes of inactivity, and not before (Art. 3.7)', async () => {
    store.getState().setSettings({ ...TEST_SETTINGS, lockAfterMinutes: 10 });
    await store.getState().login('quantri', 'Quan-tri-2026!');
    clock += 9 * 60_000;
    expect(store.getState().checkIdle()).toBe(false);
    store.getState().touch(); // activity at 9 min restarts the count
    clock += 9 * 60_000;
    expect(store.getState().checkIdle()).toBe(false);
    clock += 60_000;
    expect(store.getState().checkIdle()).toBe(true);
    expect(store.getState().locked).toBe(true);
    // Activity while locked does not unlock; only the password does.
    store.getState().touch();
    expect(store.getState().checkIdle()).toBe(true);
    expect(await store.getState().unlock('sai')).toBe('wrong');
    expect(store.getState().locked).toBe(true);
    expect(await store.getState().unlock('Quan-tri-2026!')).toBe('ok');
    expect(store.getState().locked).toBe(false);
    expect(store.getState().account?.username).toBe('quantri');
  });

  it('uses the default of 15 minutes before settings arrive, and never locks a signed-out session', async () => {
    clock += 60 * 60_000;
    expect(store.getState().checkIdle()).toBe(false);
    await store.getState().login('quantri', 'Quan-tri-2026!');
    clock += 14 * 60_000;
    expect(store.getState().checkIdle()).toBe(false);
    clock += 60_000;
    expect(store.getState().checkIdle()).toBe(true);
  });

  it('logout clears the account, the lock, any open dialog and the previous user\'s notices', async () => {
    await store.getState().login('quantri', 'Quan-tri-2026!');
    store.getState().openDialog({ kind: 'shortcuts' });
    store.getState().pushToast('info', 'Đã thêm tài khoản vanthu.');
    store.getState().lock();
    store.getState().logout();
    expect(store.getState()).toMatchObject({ account: null, locked: false, dialog: null, toasts: [] });
  });
});

describe('first run', () => {
  it('creates the administrator and signs in, keeping the first-run screen up meanwhile', async () => {
    const fresh = createDb(`store-first-${Math.random().toString(36).slice(2)}`);
    const s = createAppStore({ api, db: fresh, now: () => new Date(clock), newId: () => 'x' });
    const seen: boolean[] = [];
    const off = s.subscribe((state) => seen.push(state.settingUp));
    const outcome = await s.getState().setupFirstAdmin({ username: 'admin', fullName: 'Người quản trị', password: 'Mat-khau-2026!' });
    off();
    expect(outcome).toBe('ok');
    expect(s.getState()).toMatchObject({ settingUp: false, account: { username: 'admin', role: 'quan-tri' } });
    expect(seen[0]).toBe(true);
    fresh.close();
    await fresh.delete();
  });

  it('refuses a second administrator through first run and clears the flag', async () => {
    await expect(store.getState().setupFirstAdmin({ username: 'khac', fullName: 'Người khác', password: 'Mat-khau-2026!' })).rejects.toBeDefined();
    expect(store.getState()).toMatchObject({ settingUp: false, account: null });
    expect(await db.accounts.count()).toBe(1);
  });
});

describe('ui slice', () => {
  it('starts each register on the current year (Vietnam time) with no other filter', () => {
    clock = Date.parse('2026-12-31T18:00:00Z'); // already 01/01/2027 in Hà Nội
    const fresh = createAppStore({ api, db, now: () => new Date(clock), newId: () => 'x' });
    expect(fresh.getState().registerFilters.incoming).toEqual({ year: 2027, urgency: 'all', sender: '', status: 'all', text: '' });
  });

  it('changes one register filter without touching the other register', () => {
    store.getState().setRegisterFilter('incoming', { text: 'de an', status: 'cancelled' });
    expect(store.getState().registerFilters.incoming).toMatchObject({ text: 'de an', status: 'cancelled', year: 2026 });
    expect(store.getState().registerFilters.outgoing.text).toBe('');
  });

  it('switching view closes the dialog; toasts are capped and dismissable', () => {
    store.getState().openDialog({ kind: 'shortcuts' });
    store.getState().setView('registration');
    expect(store.getState()).toMatchObject({ view: 'registration', dialog: null });
    for (let i = 0; i < 6; i += 1) store.getState().pushToast('info', `thông báo ${i}`);
    const toasts = store.getState().toasts;
    expect(toasts.map((t) => t.text)).toEqual(['thông báo 2', 'thông báo 3', 'thông báo 4', 'thông báo 5']);
    store.getState().dismissToast(toasts[0]!.id);
    expect(store.getState().toasts).toHaveLength(3);
  });
});

describe('jobs slice and events', () => {
  it('follows job.progress events and settings.changed from main', async () => {
    const off = connectStore(store, { api });
    // connectStore fetches the settings once: wait for them to arrive (generous deadline) rather than one tick.
    for (const deadline = Date.now() + 20_000; store.getState().settings === null && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    expect(store.getState().settings).toEqual(TEST_SETTINGS);
    api.emit('job.progress', { jobId: 'job-00000001', label: 'In sổ', done: 5, total: 20, state: 'running' });
    expect(store.getState().jobs['job-00000001']).toMatchObject({ done: 5, total: 20 });
    api.emit('settings.changed', { ...TEST_SETTINGS, lockAfterMinutes: 30 });
    expect(store.getState().settings?.lockAfterMinutes).toBe(30);
    off();
    api.emit('job.progress', { jobId: 'job-00000001', label: 'In sổ', done: 20, total: 20, state: 'finished' });
    expect(store.getState().jobs['job-00000001']?.done).toBe(5);
    store.getState().clearJob('job-00000001');
    expect(store.getState().jobs).toEqual({});
  });
});
