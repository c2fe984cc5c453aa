// Starts the built web host for the end-to-end tests with a fresh, empty data directory, so every run begins
// at first launch (creation of the administrator account). Before it, the signing test's world is built here
// (test/e2e/signing-setup.ts: test PKI, OCSP responder, SoftHSM2 tokens), because the web host must inherit
// SOFTHSM2_CONF and VANTHU_PKCS11_MODULE and Playwright starts webServer before any globalSetup.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.removeAllListeners('warning');
register('../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
const { setUpSigning } = await import('../test/e2e/signing-setup.ts');

const port = Number(process.env.VANTHU_PORT ?? 4391);
const signing = await setUpSigning(port);
const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-'));
// The scan test (test/e2e/scan.e2e.ts) scans from the SANE `test` backend: a private SANE_CONFIG_DIR that loads only it
// (environment.md §5), and its colour test picture so the pages are not plain black.
const saneRoot = mkdtempSync(join(tmpdir(), 'vanthu-e2e-sane-'));
const saneDir = join(saneRoot, 'sane.d');
mkdirSync(saneDir);
writeFileSync(join(saneDir, 'dll.conf'), 'test\n');
const child = spawn(process.execPath, ['dist/node/web-host.mjs', '--data-dir', dataDir], {
  stdio: 'inherit',
  env: { ...process.env, ...signing.env, SANE_CONFIG_DIR: saneDir, VANTHU_SANE_EXTRA_ARGS: JSON.stringify(['--test-picture=Color pattern']) },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saneRoot, { recursive: true, force: true });
  signing.dispose().finally(() => process.exit(code ?? 0));
});
