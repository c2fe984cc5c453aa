// Rule data as files (Art. 8.3g channel lists per period; Art. 10.5 holidays and make-up days). The defaults are
// the real files of assets/rules; a custom file is only a name inside <dataDir>/rules, never a path.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../src/shared/api/result';
import { createRuleFiles } from '../../../src/main/storage/rule-files';

const REPO_RULES = resolve(__dirname, '../../../assets/rules');

let assetsDir: string;
let dataDir: string;

beforeEach(async () => {
  assetsDir = await mkdtemp(join(tmpdir(), 'vanthu-assets-'));
  dataDir = await mkdtemp(join(tmpdir(), 'vanthu-data-'));
  await mkdir(join(assetsDir, 'rules'));
  await mkdir(join(dataDir, 'rules'));
  await copyFile(join(REPO_RULES, 'holidays.json'), join(assetsDir, 'rules', 'holidays.json'));
  await copyFile(join(REPO_RULES, 'delivery-channels.json'), join(assetsDir, 'rules', 'delivery-channels.json'));
});
afterEach(async () => {
  await rm(assetsDir, { recursive: true, force: true });
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

async function holidaysWith(change: (raw: Record<string, unknown>) => void): Promise<string> {
  const raw = JSON.parse(await readFile(join(REPO_RULES, 'holidays.json'), 'utf8')) as Record<string, unknown>;
  change(raw);
  return JSON.stringify(raw);
}

describe('rule files', () => {
  it('loads the shipped defaults (holidays and the Art. 8 lists)', async () => {
    const rules = await createRuleFiles({ assetsDir, dataDir }).load(null);
    expect(rules.sources).toEqual({ holidays: 'default', channels: 'default' });
    expect(rules.holidays.weekendDays).toEqual([0, 6]);
    expect(rules.channels.electronicOnly.length).toBeGreaterThan(0);
    expect(rules.channels.electronicAndPaper.length).toBeGreaterThan(0);
  });

  it('loads a holidays file chosen from <dataDir>/rules', async () => {
    await writeFile(join(dataDir, 'rules', 'ngay-nghi-2027.json'), await holidaysWith((r) => (r.weekendDays = [0])));
    const rules = await createRuleFiles({ assetsDir, dataDir }).load('ngay-nghi-2027.json');
    expect(rules.sources.holidays).toBe('ngay-nghi-2027.json');
    expect(rules.holidays.weekendDays).toEqual([0]);
  });

  it('uses <dataDir>/rules/delivery-channels.json when the province published another list (Art. 8.3g)', async () => {
    await writeFile(join(dataDir, 'rules', 'delivery-channels.json'), JSON.stringify({ electronicOnly: ['cong-van'], electronicAndPaper: [] }));
    const rules = await createRuleFiles({ assetsDir, dataDir }).load(null);
    expect(rules.sources.channels).toBe('delivery-channels.json');
    expect(rules.channels.electronicOnly).toEqual(['cong-van']);
  });

  it.each([
    ['../../etc/passwd'],
    ['/etc/passwd'],
    ['..'],
    ['rules/../../settings.json'],
    ['C:\\Windows\\win.ini'],
    ['\\\\server\\share\\h.json'],
    ['holidays.txt'],
  ])('refuses the path %s with VALIDATION, reading nothing outside', async (name) => {
    const error = await failureOf(createRuleFiles({ assetsDir, dataDir }).load(name));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Tên tệp ngày nghỉ không hợp lệ');
  });

  it('answers VALIDATION for a missing custom file', async () => {
    const error = await failureOf(createRuleFiles({ assetsDir, dataDir }).checkHolidaysFile('khong-co.json'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('Không tìm thấy');
  });

  it('answers VALIDATION with a Vietnamese message for malformed JSON', async () => {
    await writeFile(join(dataDir, 'rules', 'hong.json'), '{ "years": ');
    const error = await failureOf(createRuleFiles({ assetsDir, dataDir }).load('hong.json'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('không đúng định dạng JSON');
  });

  it('answers VALIDATION naming the field for data that breaks the schema', async () => {
    await writeFile(join(dataDir, 'rules', 'sai.json'), await holidaysWith((r) => (r.weekendDays = [7])));
    const error = await failureOf(createRuleFiles({ assetsDir, dataDir }).load('sai.json'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('weekendDays');
  });

  it('answers VALIDATION when a type is on both Art. 8 lists', async () => {
    await writeFile(
      join(assetsDir, 'rules', 'delivery-channels.json'),
      JSON.stringify({ electronicOnly: ['cong-van'], electronicAndPaper: ['cong-van'] }),
    );
    const error = await failureOf(createRuleFiles({ assetsDir, dataDir }).load(null));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('cả hai danh sách');
  });

  it('refuses a rule file larger than the bound before reading it', async () => {
    await writeFile(join(dataDir, 'rules', 'to.json'), Buffer.alloc(2 * 1024 * 1024 + 1, 32));
    const error = await failureOf(createRuleFiles({ assetsDir, dataDir }).load('to.json'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('quá lớn');
  });
});
