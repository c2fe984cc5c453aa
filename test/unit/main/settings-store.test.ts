// Settings of the workstation: office hours (Art. 10.5), agency identifier code (QCVN 102, Art. 13.2, 17.3),
// idle lock (Art. 3.7). Bad input changes nothing; a corrupt file is kept aside and the defaults are used.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../src/shared/api/result';
import type { Settings } from '../../../src/shared/api/schemas';
import { DEFAULT_SETTINGS, createSettingsStore } from '../../../src/main/storage/settings-store';

let dataDir: string;
const log = { warn: vi.fn(), error: vi.fn() };

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vanthu-settings-'));
  log.warn.mockClear();
  log.error.mockClear();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('settings store', () => {
  it('answers the defaults on a fresh data directory without writing anything', async () => {
    const store = createSettingsStore({ dataDir, log });
    expect(await store.get()).toEqual({
      unitName: 'Ủy ban nhân dân tỉnh Lai Châu',
      unitCode: '000.00.00.H35',
      officeHours: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      holidaysFile: null,
      lockAfterMinutes: 15,
    });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('updates, persists atomically and notifies', async () => {
    const onChange = vi.fn();
    const store = createSettingsStore({ dataDir, log, onChange });
    const next = await store.update({ unitName: 'Sở Nội vụ tỉnh Lai Châu', unitCode: '000.01.32.H35', lockAfterMinutes: 5 });
    expect(next.unitName).toBe('Sở Nội vụ tỉnh Lai Châu');
    expect(onChange).toHaveBeenCalledWith(next);
    expect(await readdir(dataDir)).toEqual(['settings.json']);
    const reread = await createSettingsStore({ dataDir, log }).get();
    expect(reread).toEqual(next);
  });

  it('hands out copies: changing a returned object does not change the store', async () => {
    const store = createSettingsStore({ dataDir, log });
    const first = await store.get();
    first.officeHours.push({ start: '18:00', end: '19:00' });
    expect((await store.get()).officeHours).toHaveLength(2);
  });

  it.each<[string, unknown]>([
    ['an invalid identifier code', { unitCode: 'H35' }],
    ['periods out of order', { officeHours: [{ start: '13:30', end: '17:00' }, { start: '07:30', end: '11:30' }] }],
    ['a period ending before it starts', { officeHours: [{ start: '11:30', end: '07:30' }] }],
    ['overlapping periods', { officeHours: [{ start: '07:30', end: '12:00' }, { start: '11:00', end: '17:00' }] }],
    ['a bad time', { officeHours: [{ start: '7:30', end: '11:30' }] }],
    ['an unknown field', { theme: 'dark' }],
    ['lock of 0 minutes', { lockAfterMinutes: 0 }],
    ['an empty unit name', { unitName: '   ' }],
    ['a holidays file path', { holidaysFile: '../../etc/passwd' }],
  ])('refuses %s with VALIDATION and changes nothing', async (_label, patch) => {
    const onChange = vi.fn();
    const store = createSettingsStore({ dataDir, log, onChange });
    await store.update({ lockAfterMinutes: 10 });
    const onDisk = await readFile(join(dataDir, 'settings.json'), 'utf8');
    onChange.mockClear();
    const error = await failureOf(store.update(patch));
    expect(error.code).toBe('VALIDATION');
    expect(onChange).not.toHaveBeenCalled();
    expect(await readFile(join(dataDir, 'settings.json'), 'utf8')).toBe(onDisk);
    expect((await store.get()).lockAfterMinutes).toBe(10);
  });

  it('names the office-hours period in Vietnamese (Art. 10.5)', async () => {
    const store = createSettingsStore({ dataDir, log });
    const error = await failureOf(store.update({ officeHours: [{ start: '07:30', end: '11:30' }, { start: '11:00', end: '17:00' }] }));
    expect(error.message).toContain('khoảng thứ 2');
  });

  it('asks the rule loader about a chosen holidays file, and refuses when it says no', async () => {
    const checkHolidaysFile = vi.fn(async (name: string) => {
      if (name !== 'ok.json') throw new AppFailure('VALIDATION', `Không tìm thấy tệp "${name}".`);
    });
    const store = createSettingsStore({ dataDir, log, checkHolidaysFile });
    expect((await store.update({ holidaysFile: 'ok.json' })).holidaysFile).toBe('ok.json');
    expect((await failureOf(store.update({ holidaysFile: 'missing.json' }))).code).toBe('VALIDATION');
    expect((await store.get()).holidaysFile).toBe('ok.json');
    expect(checkHolidaysFile).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['not JSON', '{ "unitName": '],
    ['wrong types', JSON.stringify({ ...DEFAULT_SETTINGS, lockAfterMinutes: 'mười lăm' })],
    ['an invalid code', JSON.stringify({ ...DEFAULT_SETTINGS, unitCode: '!!!' })],
    ['a JSON array', '[]'],
  ])('keeps a corrupt file (%s) aside and uses the defaults', async (_label, content) => {
    await writeFile(join(dataDir, 'settings.json'), content);
    const store = createSettingsStore({ dataDir, log, now: () => new Date('2026-03-02T01:02:03.004Z') });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await readdir(dataDir)).toEqual(['settings.json.corrupt-2026-03-02T01-02-03-004Z']);
    expect(await readFile(join(dataDir, 'settings.json.corrupt-2026-03-02T01-02-03-004Z'), 'utf8')).toBe(content);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('[settings]'));
  });

  it('fills fields missing from an older file with their defaults', async () => {
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ unitName: 'UBND xã Bình Lư' }));
    const settings: Settings = await createSettingsStore({ dataDir, log }).get();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, unitName: 'UBND xã Bình Lư' });
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('runs concurrent updates one after another (no lost update)', async () => {
    const store = createSettingsStore({ dataDir, log });
    await Promise.all([store.update({ unitName: 'A' }), store.update({ lockAfterMinutes: 30 })]);
    const reread = await createSettingsStore({ dataDir, log }).get();
    expect(reread.unitName).toBe('A');
    expect(reread.lockAfterMinutes).toBe(30);
  });

  it('reports a file-system error instead of hiding it', async () => {
    await mkdir(join(dataDir, 'settings.json'));
    await expect(createSettingsStore({ dataDir, log }).get()).rejects.toThrow();
  });
});
