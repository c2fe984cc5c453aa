// Starts the built web host for the end-to-end tests with a fresh, empty data directory, so every run begins
// at first launch (creation of the administrator account). Before it, the signing test's world is built here
// (test/e2e/signing-setup.ts: test PKI, OCSP responder, SoftHSM2 tokens), because the web host must inherit
// SOFTHSM2_CONF and VANTHU_PKCS11_MODULE and Playwright starts webServer before any globalSetup.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.removeAllListeners('warning');
register('../src/main/cli/ts-resolve-hook.mjs', import.meta.url);
const { setUpSigning } = await import('../test/e2e/signing-setup.ts');

const port = Number(process.env.VANTHU_PORT ?? 4391);
const signing = await setUpSigning(port);
const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-'));
const child = spawn(process.execPath, ['dist/node/web-host.mjs', '--data-dir', dataDir], {
  stdio: 'inherit',
  env: { ...process.env, ...signing.env },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  signing.dispose().finally(() => process.exit(code ?? 0));
});
