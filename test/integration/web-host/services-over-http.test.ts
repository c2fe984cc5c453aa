// The composed services reached through the web host exactly as the renderer reaches them: settings and rule
// data (Art. 10.5, Art. 8), passwords (Art. 3.7), jobs and a register export (NĐ 30 Phụ lục IV).
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/api/result';
import { startTestWebHost, type TestWebHost } from '../../support/web-host';

let host: TestWebHost;

beforeAll(async () => {
  host = await startTestWebHost();
});
afterAll(async () => {
  await host.stop();
});

const codeOf = (body: unknown): string | undefined => {
  const result = body as Result<unknown>;
  return result.ok ? undefined : result.error.code;
};

describe('services over HTTP', () => {
  it('settings.get answers the defaults; a bad identifier code is refused and nothing is written', async () => {
    const get = await host.invoke('settings.get', {});
    expect(get.body).toMatchObject({ ok: true, value: { unitCode: '000.00.00.H35', lockAfterMinutes: 15 } });
    const bad = await host.invoke('settings.update', { unitCode: 'không hợp lệ' });
    expect(codeOf(bad.body)).toBe('VALIDATION');
    await expect(readFile(join(host.dataDir, 'settings.json'))).rejects.toThrow();
  });

  it('rules.get answers the shipped defaults, then a holidays file chosen in settings', async () => {
    const defaults = await host.invoke('rules.get', {});
    expect(defaults.body).toMatchObject({ ok: true, value: { sources: { holidays: 'default', channels: 'default' } } });

    const unknown = await host.invoke('settings.update', { holidaysFile: 'chua-co.json' });
    expect(codeOf(unknown.body)).toBe('VALIDATION');
    const traversal = await host.invoke('settings.update', { holidaysFile: '../../etc/passwd' });
    expect(codeOf(traversal.body)).toBe('VALIDATION');

    const shipped = JSON.parse(await readFile(join(process.cwd(), 'assets', 'rules', 'holidays.json'), 'utf8')) as Record<string, unknown>;
    await mkdir(join(host.dataDir, 'rules'), { recursive: true });
    await writeFile(join(host.dataDir, 'rules', 'ngay-nghi-rieng.json'), JSON.stringify({ ...shipped, weekendDays: [0] }));
    const chosen = await host.invoke('settings.update', { holidaysFile: 'ngay-nghi-rieng.json' });
    expect(chosen.body).toMatchObject({ ok: true, value: { holidaysFile: 'ngay-nghi-rieng.json' } });
    const custom = await host.invoke('rules.get', {});
    expect(custom.body).toMatchObject({ ok: true, value: { sources: { holidays: 'ngay-nghi-rieng.json' }, holidays: { weekendDays: [0] } } });
  });

  it('witnesses the journal head: forward only, a shorter journal is refused with CONFLICT, bad heads never reach it', async () => {
    expect((await host.invoke('journal.head', {})).body).toEqual({ ok: true, value: { head: null } });
    const head = { seq: 12, hash: 'ab'.repeat(32) };
    expect((await host.invoke('journal.witness', head)).body).toEqual({ ok: true, value: head });
    expect((await host.invoke('journal.witness', { seq: 11, hash: 'cd'.repeat(32) })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await host.invoke('journal.witness', { seq: 0, hash: 'x' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await host.invoke('journal.head', {})).body).toEqual({ ok: true, value: { head } });
  });

  it('hashes a password and verifies it; the password is not in the answer', async () => {
    const hashed = await host.invoke('auth.hashPassword', { password: 'Mật-khẩu-2026' });
    const hash = (hashed.body as { ok: true; value: { hash: string } }).value.hash;
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(JSON.stringify(hashed.body)).not.toContain('Mật-khẩu-2026');
    expect((await host.invoke('auth.verifyPassword', { password: 'Mật-khẩu-2026', hash })).body).toEqual({ ok: true, value: { match: true } });
    expect((await host.invoke('auth.verifyPassword', { password: 'sai-mat-khau', hash })).body).toEqual({ ok: true, value: { match: false } });
    expect(codeOf((await host.invoke('auth.verifyPassword', { password: 'x', hash: 'md5$abc' })).body)).toBe('VALIDATION');
  });

  it('jobs.cancel of a job that is not running answers NOT_FOUND', async () => {
    expect(codeOf((await host.invoke('jobs.cancel', { jobId: 'job-00000000' })).body)).toBe('NOT_FOUND');
  });

  it('exports a register to .xlsx into the blob store and reads it back', async () => {
    const cells = ['02/03/2026', '1', 'UBND tỉnh Lai Châu', '12/QĐ-UBND', '01/03/2026', 'Quyết định về việc ...', 'Văn phòng', '02/03/2026', '', ''];
    const exported = await host.invoke('reports.registerXlsx', {
      kind: 'incoming',
      year: 2026,
      unitName: 'Ủy ban nhân dân tỉnh Lai Châu',
      filterNote: '',
      rows: [{ cells, cancelled: false }],
    });
    expect(exported.body).toMatchObject({ ok: true });
    const sha256 = (exported.body as { ok: true; value: { sha256: string } }).value.sha256;
    const got = await host.invoke('files.get', { sha256 });
    const bytes = Buffer.from((got.body as { ok: true; value: { dataBase64: string } }).value.dataBase64, 'base64');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
