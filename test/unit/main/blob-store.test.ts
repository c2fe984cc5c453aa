// Content-addressed store (architecture.md "Bytes live once, ... named by their SHA-256"; Art. 3.3 integrity:
// data is not changed or lost while stored). Runs against a real temp directory.
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../src/shared/api/limits';
import { AppFailure } from '../../../src/shared/api/result';
import { createBlobStore, looksLikePdf } from '../../../src/main/storage/blob-store';
import { writeFileAtomic } from '../../../src/main/storage/atomic-file';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const quietLog = { warn: vi.fn(), error: vi.fn() };

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vanthu-blobs-'));
  quietLog.warn.mockClear();
  quietLog.error.mockClear();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Every file under the data dir, relative, sorted: "nothing changed" means this list is the same. */
async function tree(): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dataDir, join(e.parentPath, e.name)))
    .sort();
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppFailure);
  return error as AppFailure;
}

describe('blob store', () => {
  it('puts, gets and stats a PDF under its SHA-256 name', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    const stored = await store.put(PDF, 'application/pdf');
    expect(stored).toEqual({ sha256: sha(PDF), size: PDF.length, mediaType: 'application/pdf' });
    expect(await tree()).toEqual([
      join('blobs', 'objects', stored.sha256.slice(0, 2), stored.sha256),
      join('blobs', 'objects', stored.sha256.slice(0, 2), `${stored.sha256}.meta.json`),
    ]);
    const got = await store.get(stored.sha256);
    expect(got.bytes.equals(PDF)).toBe(true);
    expect(got.mediaType).toBe('application/pdf');
    expect(await store.stat(stored.sha256)).toEqual({ sha256: stored.sha256, exists: true, size: PDF.length });
  });

  it('is idempotent: the same bytes twice give the same answer and one blob', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    const first = await store.put(PDF, 'application/pdf');
    const before = await tree();
    const second = await store.put(PDF, 'application/pdf');
    expect(second).toEqual(first);
    expect(await tree()).toEqual(before);
  });

  it('stores any bytes as application/octet-stream without the PDF check', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    const bytes = Buffer.from('không phải PDF', 'utf8');
    const stored = await store.put(bytes, 'application/octet-stream');
    expect((await store.get(stored.sha256)).bytes.toString('utf8')).toBe('không phải PDF');
  });

  it.each([
    ['0 bytes', Buffer.alloc(0), 'application/pdf', 'EMPTY_FILE'],
    ['too large', Buffer.alloc(4097, 1), 'application/octet-stream', 'TOO_LARGE'],
    ['no %PDF- header', Buffer.from('hello world %%EOF'), 'application/pdf', 'NOT_PDF'],
    ['header after 1024 bytes', Buffer.concat([Buffer.alloc(1030, 32), PDF]), 'application/pdf', 'NOT_PDF'],
    ['no %%EOF trailer', Buffer.from('%PDF-1.7\nbody only'), 'application/pdf', 'NOT_PDF'],
    ['%%EOF before the last 2048 bytes', Buffer.concat([PDF, Buffer.alloc(2100, 32)]), 'application/pdf', 'NOT_PDF'],
    ['unknown media type', Buffer.from('x'), 'text/html', 'VALIDATION'],
  ])('refuses %s and changes nothing on disk', async (_label, bytes, mediaType, code) => {
    const store = createBlobStore({ dataDir, maxBytes: 4096, log: quietLog });
    await store.put(Buffer.from('existing'), 'application/octet-stream');
    const before = await tree();
    const error = await failureOf(store.put(bytes, mediaType as never));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(await tree()).toEqual(before);
  });

  it('applies MAX_FILE_BYTES by default (100 MiB + 1 byte is refused before hashing)', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    const error = await failureOf(store.put(Buffer.alloc(MAX_FILE_BYTES + 1), 'application/octet-stream'));
    expect(error.code).toBe('TOO_LARGE');
    expect(await tree()).toEqual([]);
  });

  it('accepts a PDF with a short preamble and trailing bytes within the windows', () => {
    expect(looksLikePdf(Buffer.concat([Buffer.from('junk\n'), PDF, Buffer.from('\n\n')]))).toBe(true);
  });

  it('answers NOT_FOUND for a missing blob and exists:false from stat', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    const missing = sha(Buffer.from('never stored'));
    expect((await failureOf(store.get(missing))).code).toBe('NOT_FOUND');
    expect(await store.stat(missing)).toEqual({ sha256: missing, exists: false, size: 0 });
  });

  it('refuses a name that is not a sha256 (no path from outside)', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    expect((await failureOf(store.get('../../settings.json'))).code).toBe('VALIDATION');
    expect((await failureOf(store.stat('AB'.repeat(32)))).code).toBe('VALIDATION');
  });

  it('answers INTEGRITY when a stored blob was changed, and a new put repairs it', async () => {
    const store = createBlobStore({ dataDir, log: quietLog });
    const stored = await store.put(PDF, 'application/pdf');
    const path = join(dataDir, 'blobs', 'objects', stored.sha256.slice(0, 2), stored.sha256);
    await chmod(path, 0o600);
    await writeFile(path, Buffer.concat([PDF.subarray(0, 20), Buffer.from('X'), PDF.subarray(21)]));
    const error = await failureOf(store.get(stored.sha256));
    expect(error.code).toBe('INTEGRITY');
    expect(quietLog.error).toHaveBeenCalledWith(expect.stringContaining('[blobs]'));

    await store.put(PDF, 'application/pdf');
    expect((await store.get(stored.sha256)).bytes.equals(PDF)).toBe(true);
  });

  it('ignores and cleans a temp file left by a crash mid-write', async () => {
    // Simulate the crash: a partial temp file exists, the rename never happened.
    const tmp = join(dataDir, 'blobs', 'tmp');
    await mkdir(tmp, { recursive: true });
    const leftover = join(tmp, `${sha(PDF)}.0a1b2c3d4e5f.tmp`);
    await writeFile(leftover, PDF.subarray(0, 10));

    const store = createBlobStore({ dataDir, log: quietLog });
    expect(await store.stat(sha(PDF))).toEqual({ sha256: sha(PDF), exists: false, size: 0 });
    expect(await readdir(tmp)).toEqual([]);
    expect(quietLog.warn).toHaveBeenCalledWith(expect.stringContaining('[blobs]'));
    const stored = await store.put(PDF, 'application/pdf');
    expect((await store.get(stored.sha256)).bytes.equals(PDF)).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file', async () => {
    const target = join(dataDir, 'x', 'settings.json');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(await readdir(join(dataDir, 'x'))).toEqual(['settings.json']);
  });

  it('leaves the old file and no temp file when the write fails', async () => {
    const target = join(dataDir, 'settings.json');
    await writeFileAtomic(target, 'old');
    // A directory where the temp file should go makes the open fail (EISDIR/ENOTDIR), like a full disk would.
    const blockedTemp = join(dataDir, 'blocked');
    await writeFile(blockedTemp, 'not a directory');
    await expect(writeFileAtomic(target, 'new', { tempDir: blockedTemp })).rejects.toThrow();
    expect((await readdir(dataDir)).sort()).toEqual(['blocked', 'settings.json']);
  });
});
