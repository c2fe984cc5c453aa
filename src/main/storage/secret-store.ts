/**
 * The SecretStore port services take in their constructors (house rule 3), and its web-host implementation: one
 * file per key under `<dataDir>/secrets/`, mode 0600 in a 0700 folder (issue 8: "a 0600 file for the web host").
 * Electron uses the OS keychain instead (src/main/electron/secret-store.ts, safeStorage). Errors (AppFailure):
 * VALIDATION for a bad key, FORBIDDEN when the OS offers no real encryption (Electron), INTEGRITY when a stored
 * value cannot be read back.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/api/result';
import { toSafeFileName } from '../util/safe-path';
import { writeFileAtomic } from './atomic-file';

export interface SecretStore {
  /** Stores `value` under `key`, replacing any earlier value. */
  set(key: string, value: string): Promise<void>;
  /** The value under `key`, or null when none is stored. */
  get(key: string): Promise<string | null>;
  /** Forgets `key`; nothing happens when it is not stored. */
  delete(key: string): Promise<void>;
}

function fileOf(dir: string, key: string, ext: string): string {
  const name = toSafeFileName(key);
  if (name === false || !/^[A-Za-z0-9._-]+$/.test(name)) throw new AppFailure('VALIDATION', 'Tên khóa bí mật không hợp lệ.');
  return join(dir, `${name}${ext}`);
}

/** Secrets as 0600 files (the web host: the data directory is the user's own, 0700). */
export function createFileSecretStore(dataDir: string): SecretStore {
  const dir = join(dataDir, 'secrets');
  return {
    async set(key, value) {
      const file = fileOf(dir, key, '.secret');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await chmod(dir, 0o700);
      await writeFileAtomic(file, value, { mode: 0o600 });
    },
    async get(key) {
      const file = fileOf(dir, key, '.secret');
      try {
        return await readFile(file, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new AppFailure('INTEGRITY', 'Không đọc được khóa bí mật đã lưu.');
      }
    },
    async delete(key) {
      await rm(fileOf(dir, key, '.secret'), { force: true });
    },
  };
}
