/**
 * The SANE `test` backend for tests (environment.md §5): a private SANE_CONFIG_DIR whose dll.conf loads only the
 * `test` backend, so `scanimage -L` answers test:0 and test:1 at once and never probes real hardware.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SaneTestEnv {
  env: NodeJS.ProcessEnv;
  configDir: string;
  dispose(): Promise<void>;
}

/** Make a SANE_CONFIG_DIR with only the test backend; returns the environment for `scanimage`. */
export async function createSaneTestEnv(): Promise<SaneTestEnv> {
  const root = await mkdtemp(join(tmpdir(), 'vts-sane-'));
  const configDir = join(root, 'sane.d');
  await mkdir(configDir);
  await writeFile(join(configDir, 'dll.conf'), 'test\n');
  return {
    env: { ...process.env, SANE_CONFIG_DIR: configDir },
    configDir,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}
