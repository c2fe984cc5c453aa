/**
 * Secrets (axis credentials) kept through the OS keychain with Electron's `safeStorage` (house rule 11). Linux's
 * `basic_text` backend "encrypts" with a hard-coded password, so it is refused rather than trusted
 * (Electron docs, safeStorage.getSelectedStorageBackend). Encrypted values are files under `<dataDir>/secrets/`.
 */
import { safeStorage } from 'electron';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/api/result';
import { writeFileAtomic } from '../storage/atomic-file';
import type { SecretStore } from '../storage/secret-store';
import { toSafeFileName } from '../util/safe-path';

/** The SecretStore port lives in storage/ so the web host implements it too; re-exported for the shell. */
export type { SecretStore };

/** Why the OS store cannot be used, or null when it can (so Cài đặt can say so before asking for a password). */
export function secretStoreUnavailableReason(): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'Hệ điều hành không cung cấp kho khóa bí mật.';
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return 'Kho khóa của hệ điều hành không được bật (chỉ có basic_text); hãy cài và mở gnome-keyring hoặc KWallet.';
  }
  return null;
}

function assertAvailable(): void {
  const reason = secretStoreUnavailableReason();
  if (reason !== null) throw new AppFailure('FORBIDDEN', reason);
}

function fileOf(dir: string, key: string): string {
  const name = toSafeFileName(key);
  if (name === false || !/^[A-Za-z0-9._-]+$/.test(name)) throw new AppFailure('VALIDATION', 'Tên khóa bí mật không hợp lệ.');
  return join(dir, `${name}.bin`);
}

/** The SecretStore on `safeStorage`, files in `<dataDir>/secrets/`. Checks the backend on every call. */
export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const dir = join(dataDir, 'secrets');
  return {
    async set(key, value) {
      const file = fileOf(dir, key);
      assertAvailable();
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(file, safeStorage.encryptString(value));
    },
    async get(key) {
      const file = fileOf(dir, key);
      assertAvailable();
      const bytes = await readFile(file).catch((cause: NodeJS.ErrnoException) => {
        if (cause.code === 'ENOENT') return null;
        throw cause;
      });
      if (bytes === null) return null;
      try {
        return safeStorage.decryptString(bytes);
      } catch {
        throw new AppFailure('INTEGRITY', 'Không giải mã được khóa bí mật đã lưu (kho khóa của hệ điều hành đã thay đổi?).');
      }
    },
    async delete(key) {
      await rm(fileOf(dir, key), { force: true });
    },
  };
}
