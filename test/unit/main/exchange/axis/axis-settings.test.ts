// Axis settings (standards.md §2.0): endpoint rules (https, http only on loopback), CA file checks, the secret
// kept through the SecretStore (a 0600 file for the web host) and never answered back.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAxisSettingsStore } from '../../../../../src/main/exchange/settings/axis-settings';
import { createFileSecretStore } from '../../../../../src/main/storage/secret-store';
import { failureOf } from '../../../../support/failure-of';
import { createTestTls } from '../../../../support/axis/test-axis-tls';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'axis-settings-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

it('keeps the secret in a 0600 file and never shows it; connection is refused until complete', async () => {
  const store = createAxisSettingsStore({ dataDir: dir, secrets: createFileSecretStore(dir) });
  expect((await failureOf(store.connection())).code).toBe('AXIS_NOT_CONFIGURED');
  const view = await store.update({ endpoint: 'https://truc.laichau.gov.vn/vxp/', systemId: 'laichau-qlvb', secret: 's3cr3t', headerStyle: 'lang-son' });
  expect(view).toEqual({ endpoint: 'https://truc.laichau.gov.vn/vxp', systemId: 'laichau-qlvb', headerStyle: 'lang-son', caFile: null, hasSecret: true, pollMinutes: 5 });
  expect(JSON.stringify(view)).not.toContain('s3cr3t');
  expect((await stat(join(dir, 'secrets', 'axis-secret.secret'))).mode & 0o777).toBe(0o600);
  expect((await stat(join(dir, 'secrets'))).mode & 0o777).toBe(0o700);
  const reopened = createAxisSettingsStore({ dataDir: dir, secrets: createFileSecretStore(dir) });
  expect(await reopened.connection()).toMatchObject({ secret: 's3cr3t', headerStyle: 'lang-son', caPem: null });
  expect((await reopened.update({ secret: null })).hasSecret).toBe(false);
});

it('refuses plain http off loopback, credentials in the URL, and a CA file that is not a certificate', async () => {
  const store = createAxisSettingsStore({ dataDir: dir, secrets: createFileSecretStore(dir) });
  expect((await failureOf(store.update({ endpoint: 'http://truc.laichau.gov.vn' }))).message).toMatch(/https/);
  expect((await failureOf(store.update({ endpoint: 'https://u:p@truc.laichau.gov.vn' }))).code).toBe('VALIDATION');
  expect((await store.update({ endpoint: 'http://127.0.0.1:8080' })).endpoint).toBe('http://127.0.0.1:8080');
  await writeFile(join(dir, 'bad.pem'), 'not a certificate');
  expect((await failureOf(store.update({ caFile: join(dir, 'bad.pem') }))).message).toMatch(/PEM/);
  expect((await failureOf(store.update({ caFile: 'relative.pem' }))).code).toBe('VALIDATION');
  const tls = await createTestTls();
  await writeFile(join(dir, 'ca.pem'), tls.caPem);
  await store.update({ caFile: join(dir, 'ca.pem'), systemId: 'x', secret: 'y' });
  expect((await store.connection()).caPem).toContain('BEGIN CERTIFICATE');
  expect((await failureOf(store.update({ endpoint: 'https://a', rejectUnauthorized: false }))).code).toBe('VALIDATION');
});
