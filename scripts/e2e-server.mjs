// Starts the built web host for the end-to-end tests with a fresh, empty data directory, so every run begins
// at first launch (creation of the administrator account).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-'));
const child = spawn(process.execPath, ['dist/node/web-host.mjs', '--data-dir', dataDir], {
  stdio: 'inherit',
  env: process.env,
});
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
