/**
 * The maildir-like mechanics of the exchange spool (architecture.md "Durable data and no loss"): an item is a
 * directory (the package plus `meta.json`) built under `tmp/`, every file fsynced, then renamed into its state
 * directory in one step and the parent fsynced. A state change is another rename. A crash therefore leaves either
 * nothing (a half-built directory under `tmp/`, removed at the next start) or a complete item.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { fsyncDir, removeStaleTempFiles, writeFileAtomic } from '../../storage/atomic-file';

export const PACKAGE_FILE = 'package.edxml';
export const META_FILE = 'meta.json';

/** An item id is a lowercase hex digest: safe as a directory name everywhere. */
export const ITEM_ID = /^[0-9a-f]{64}$/;

export async function ensureDirs(root: string, states: readonly string[]): Promise<void> {
  for (const s of ['tmp', ...states]) await mkdir(join(root, s), { recursive: true, mode: 0o700 });
}

/** Startup recovery: drop everything under tmp/ and stray temp files of meta rewrites inside items. */
export async function recoverDirs(root: string, states: readonly string[]): Promise<{ removed: number }> {
  let removed = 0;
  for (const name of await readdir(join(root, 'tmp'))) {
    await rm(join(root, 'tmp', name), { recursive: true, force: true });
    removed += 1;
  }
  for (const s of states) {
    for (const id of await readdir(join(root, s))) {
      if (!ITEM_ID.test(id)) continue;
      removed += await removeStaleTempFiles(join(root, s, id));
    }
  }
  await fsyncDir(join(root, 'tmp'));
  return { removed };
}

/** A directory being built under tmp/. */
export interface ItemBuilder {
  dir: string;
  /** Stream chunks into the package file; answers size and SHA-256. TOO_LARGE past `maxBytes`. */
  writePackage(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ size: number; sha256: string }>;
  writeMeta(meta: unknown): Promise<void>;
  /** fsync the directory and rename it to `<root>/<state>/<id>`; then fsync the state directory. */
  commit(state: string, id: string): Promise<void>;
  abort(): Promise<void>;
}

async function writeSynced(path: string, write: (h: Awaited<ReturnType<typeof open>>) => Promise<void>): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await write(handle);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function startItem(root: string): Promise<ItemBuilder> {
  const dir = join(root, 'tmp', randomBytes(12).toString('hex'));
  await mkdir(dir, { mode: 0o700 });
  return {
    dir,
    async writePackage(chunks, maxBytes) {
      const hash = createHash('sha256');
      let size = 0;
      await writeSynced(join(dir, PACKAGE_FILE), async (h) => {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > maxBytes) throw new AppFailure('TOO_LARGE', 'Gói tin vượt giới hạn kích thước của hàng đợi.', { max: maxBytes });
          hash.update(chunk);
          await h.write(chunk);
        }
      });
      return { size, sha256: hash.digest('hex') };
    },
    async writeMeta(meta) {
      await writeSynced(join(dir, META_FILE), (h) => h.writeFile(JSON.stringify(meta, null, 1)));
    },
    async commit(state, id) {
      await fsyncDir(dir);
      await rename(dir, join(root, state, id));
      await fsyncDir(join(root, state));
      await fsyncDir(join(root, 'tmp'));
    },
    async abort() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Move an item between state directories (one rename, then both parents fsynced). */
export async function moveItem(root: string, id: string, from: string, to: string): Promise<void> {
  await rename(join(root, from, id), join(root, to, id));
  await fsyncDir(join(root, to));
  await fsyncDir(join(root, from));
}

/** Rewrite an item's meta in place (temp file in the item directory, fsync, rename). */
export async function rewriteMeta(root: string, state: string, id: string, meta: unknown): Promise<void> {
  await writeFileAtomic(join(root, state, id, META_FILE), JSON.stringify(meta, null, 1));
}

export async function readMeta<T>(root: string, state: string, id: string): Promise<T> {
  return JSON.parse(await readFile(join(root, state, id, META_FILE), 'utf8')) as T;
}

/** Item ids in a state directory (only well-formed names). */
export async function listIds(root: string, state: string): Promise<string[]> {
  return (await readdir(join(root, state))).filter((n) => ITEM_ID.test(n)).sort();
}
