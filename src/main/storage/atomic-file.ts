/**
 * Crash-safe file writes (architecture.md "Durable data and no loss"): write a temp file in a directory on the
 * same file system, fsync it, rename it over the target, then fsync the directory so the rename itself is durable.
 * A crash at any point leaves either the old file or the complete new one, plus at most a stray temp file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Suffix of every temp file made here; `removeStaleTempFiles` deletes files ending with it. */
export const TEMP_SUFFIX = '.tmp';

/** fsync a directory so a rename or create inside it survives power loss (no-op where unsupported). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (cause) {
    // Windows cannot open directories for fsync; NTFS journals the rename itself.
    const code = (cause as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw cause;
  } finally {
    await handle?.close();
  }
}

export interface AtomicWriteOptions {
  /** Where the temp file goes (same file system as the target); default: the target's own directory. */
  tempDir?: string;
  /** File mode of the new file (default 0o600: data of the agency, readable by its user only). */
  mode?: number;
}

/**
 * Atomically replace (or create) `target` with `data`. Creates the parent and temp directories if needed.
 * Throws the file-system error on failure, after removing its temp file.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = dirname(target);
  const tempDir = options.tempDir ?? dir;
  await mkdir(dir, { recursive: true });
  await mkdir(tempDir, { recursive: true });
  const temp = join(tempDir, `${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (cause) {
    await rm(temp, { force: true });
    throw cause;
  }
  await fsyncDir(dir);
}

/** Delete temp files left in `dir` by a crash mid-write; answers how many were removed. Missing dir → 0. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw cause;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(TEMP_SUFFIX)) continue;
    await rm(join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}
