/**
 * Content-addressed file store (architecture.md "Bytes live once, in main's store, named by their SHA-256";
 * Art. 3.3 integrity). Layout under `<dataDir>/blobs/`:
 *   objects/ab/<sha256>            the bytes, never rewritten once complete
 *   objects/ab/<sha256>.meta.json  sidecar with the media type
 *   tmp/                           temp files of writes in progress; leftovers of a crash are removed at start
 * Every write is atomic (atomic-file.ts), so a crash leaves either nothing or the complete blob.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat as fsStat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/api/limits';
import { AppFailure } from '../../shared/api/result';
import { MediaType } from '../../shared/api/schemas';
import type { FileStat, StoredFile } from '../../shared/api/contract';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { openBlobWriter, type BlobWriter } from './blob-writer';

export type { BlobWriter } from './blob-writer';

/** Stored bytes with what is known about them. */
export interface BlobContent extends StoredFile {
  bytes: Buffer;
}

export interface BlobStore {
  /** Remove temp files of interrupted writes; runs once before the first operation, may be called early. */
  init(): Promise<void>;
  /**
   * Store `bytes` under their SHA-256 (idempotent: the same bytes give the same answer, a damaged copy is
   * replaced). Errors: EMPTY_FILE, TOO_LARGE, NOT_PDF (mediaType application/pdf without PDF header/trailer),
   * VALIDATION (unknown media type), INTERNAL (file system).
   */
  put(bytes: Uint8Array, mediaType: MediaType): Promise<StoredFile>;
  /** Read a blob and re-check its hash. Errors: VALIDATION (not a sha256), NOT_FOUND, INTEGRITY. */
  get(sha256: string): Promise<BlobContent>;
  /** Whether a blob exists and its size (no hashing). Errors: VALIDATION (not a sha256). */
  stat(sha256: string): Promise<FileStat>;
  /**
   * The path of a stored blob, for a reader in another thread of this process (the verification worker reads and
   * re-hashes it there, so a 50 MB scan never passes through the main thread). Not re-hashed here: the reader must
   * compare the hash itself. Errors: VALIDATION (not a sha256), NOT_FOUND. Optional: stores elsewhere have none.
   */
  localPath?(sha256: string): Promise<string>;
  /**
   * Start a streaming write: bytes are hashed while they are written to a temp file; `commit` fsyncs and renames
   * it into place (a crash leaves only a temp file, removed at the next start). For files too big for memory.
   */
  openWriter(): Promise<BlobWriter>;
  /** Store a stream of chunks (see openWriter); same errors as `put`, plus TOO_LARGE as soon as the bound is passed. */
  putStream(source: AsyncIterable<Uint8Array>, mediaType: MediaType): Promise<StoredFile>;
  /** Store the file at `path` by streaming it (the path is only read). Same errors as `putStream`. */
  putFile(path: string, mediaType: MediaType): Promise<StoredFile>;
  /**
   * Read a blob in chunks (bounded memory), re-hashing as it goes: the iteration ends with INTEGRITY when the
   * bytes no longer match their name, so a consumer must not commit its output before the iteration completed.
   * Errors: VALIDATION (not a sha256), NOT_FOUND, INTEGRITY.
   */
  readStream(sha256: string): AsyncIterable<Uint8Array>;
}


export interface BlobStoreOptions {
  dataDir: string;
  /** Upper bound of a stored file; default MAX_FILE_BYTES (tests lower it). */
  maxBytes?: number;
  log?: Pick<Console, 'warn' | 'error'>;
  /**
   * Remove temp files of interrupted writes at start (default true). A second store over the same folder in a
   * worker thread passes false, so it never removes a write the main thread has in progress.
   */
  removeStaleTemp?: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
const PDF_EOF = Buffer.from('%%EOF', 'latin1');
/** ISO 32000-1 §7.5.2 tolerates bytes before the header; readers look within the first 1024 bytes. */
const PDF_HEADER_WINDOW = 1024;
/** Incremental updates and trailing whitespace/garbage: look for the last %%EOF near the end. */
const PDF_EOF_WINDOW = 2048;

/** SHA-256 of `bytes` as lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether `bytes` look like a PDF: `%PDF-` in the first 1024 bytes and `%%EOF` in the last 2048. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, PDF_HEADER_WINDOW);
  const tail = buffer.subarray(Math.max(0, buffer.length - PDF_EOF_WINDOW));
  return head.includes(PDF_HEADER) && tail.includes(PDF_EOF);
}


function assertSha(sha256: string): void {
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
    throw new AppFailure('VALIDATION', 'Mã băm tệp không hợp lệ (cần 64 ký tự hex SHA-256).');
  }
}

function isMissing(cause: unknown): boolean {
  return (cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** Build a blob store over `<dataDir>/blobs`. Nothing is touched on disk until `init` or the first call. */
export function createBlobStore(options: BlobStoreOptions): BlobStore {
  const root = join(options.dataDir, 'blobs');
  const tmpDir = join(root, 'tmp');
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const log = options.log ?? console;
  let ready: Promise<void> | undefined;

  const objectPath = (sha: string): string => join(root, 'objects', sha.slice(0, 2), sha);
  const metaPath = (sha: string): string => `${objectPath(sha)}.meta.json`;

  const init = (): Promise<void> => {
    ready ??= (options.removeStaleTemp === false ? Promise.resolve(0) : removeStaleTempFiles(tmpDir)).then(
      (removed) => {
        if (removed > 0) log.warn(`[blobs] removed ${removed} temp file(s) left by an interrupted write`);
      },
      (cause: unknown) => {
        ready = undefined; // let the next call try again
        throw cause;
      },
    );
    return ready;
  };

  const readMediaType = async (sha: string): Promise<MediaType> => {
    try {
      const parsed = MediaType.safeParse((JSON.parse(await readFile(metaPath(sha), 'utf8')) as { mediaType?: unknown }).mediaType);
      if (parsed.success) return parsed.data;
    } catch (cause) {
      if (!isMissing(cause) && !(cause instanceof SyntaxError)) throw cause;
    }
    // The sidecar is written before the blob, so this is only reached after tampering: the bytes still count.
    return 'application/octet-stream';
  };

  /** Size of a complete blob whose bytes still hash to its name, or null when missing or damaged. */
  const intactSize = async (sha: string): Promise<number | null> => {
    try {
      const bytes = await readFile(objectPath(sha));
      return sha256Hex(bytes) === sha ? bytes.length : null;
    } catch (cause) {
      if (isMissing(cause)) return null;
      throw cause;
    }
  };

  const openWriter = async (): Promise<BlobWriter> => {
    await init();
    return openBlobWriter({ tmpDir, maxBytes, objectPath, metaPath, readMediaType });
  };

  return {
    init,

    async put(bytes, mediaType) {
      const type = MediaType.safeParse(mediaType);
      if (!type.success) throw new AppFailure('VALIDATION', `Loại tệp không được hỗ trợ: ${String(mediaType)}.`);
      if (bytes.byteLength === 0) throw new AppFailure('EMPTY_FILE', 'Tệp rỗng (0 byte), không lưu được.');
      if (bytes.byteLength > maxBytes) {
        throw new AppFailure('TOO_LARGE', `Tệp quá lớn (${bytes.byteLength} byte); tối đa ${maxBytes} byte.`, { size: bytes.byteLength, max: maxBytes });
      }
      if (type.data === 'application/pdf' && !looksLikePdf(bytes)) {
        throw new AppFailure('NOT_PDF', 'Tệp không phải PDF (thiếu phần đầu %PDF- hoặc phần cuối %%EOF).');
      }
      await init();
      const sha = sha256Hex(bytes);
      const stored: StoredFile = { sha256: sha, size: bytes.byteLength, mediaType: type.data };
      if ((await intactSize(sha)) === bytes.byteLength && (await readMediaType(sha)) === type.data) return stored;
      // Sidecar first: a blob file never exists without knowing its type (a crash in between leaves only a sidecar).
      await writeFileAtomic(metaPath(sha), JSON.stringify({ mediaType: type.data }), { tempDir: tmpDir });
      if ((await intactSize(sha)) !== bytes.byteLength) {
        await writeFileAtomic(objectPath(sha), bytes, { tempDir: tmpDir, mode: 0o400 });
      }
      return stored;
    },

    openWriter,

    async putStream(source, mediaType) {
      const writer = await openWriter();
      try {
        for await (const chunk of source) await writer.write(chunk);
      } catch (cause) {
        await writer.abort();
        throw cause;
      }
      return writer.commit(mediaType);
    },

    async putFile(path, mediaType) {
      const writer = await openWriter();
      try {
        for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) await writer.write(chunk as Buffer);
      } catch (cause) {
        await writer.abort();
        throw cause;
      }
      return writer.commit(mediaType);
    },

    async *readStream(sha256) {
      assertSha(sha256);
      await init();
      const hash = createHash('sha256');
      try {
        for await (const chunk of createReadStream(objectPath(sha256), { highWaterMark: 256 * 1024 })) {
          hash.update(chunk as Buffer);
          yield chunk as Buffer;
        }
      } catch (cause) {
        if (isMissing(cause)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp trong kho lưu trữ.', { sha256 });
        throw cause;
      }
      const actual = hash.digest('hex');
      if (actual !== sha256) {
        log.error(`[blobs] integrity failure: ${sha256} now hashes to ${actual}`);
        throw new AppFailure('INTEGRITY', 'Tệp trong kho đã bị thay đổi hoặc hỏng (mã băm không khớp).', { sha256, actual });
      }
    },

    async get(sha256) {
      assertSha(sha256);
      await init();
      let bytes: Buffer;
      try {
        bytes = await readFile(objectPath(sha256));
      } catch (cause) {
        if (isMissing(cause)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp trong kho lưu trữ.', { sha256 });
        throw cause;
      }
      const actual = sha256Hex(bytes);
      if (actual !== sha256) {
        log.error(`[blobs] integrity failure: ${sha256} now hashes to ${actual}`);
        throw new AppFailure('INTEGRITY', 'Tệp trong kho đã bị thay đổi hoặc hỏng (mã băm không khớp).', { sha256, actual });
      }
      return { sha256, size: bytes.length, mediaType: await readMediaType(sha256), bytes };
    },

    async localPath(sha256) {
      assertSha(sha256);
      await init();
      const path = objectPath(sha256);
      try {
        if ((await fsStat(path)).isFile()) return path;
      } catch (cause) {
        if (!isMissing(cause)) throw cause;
      }
      throw new AppFailure('NOT_FOUND', 'Không tìm thấy tệp trong kho lưu trữ.', { sha256 });
    },

    async stat(sha256) {
      assertSha(sha256);
      await init();
      try {
        const info = await fsStat(objectPath(sha256));
        return { sha256, exists: info.isFile(), size: info.isFile() ? info.size : 0 };
      } catch (cause) {
        if (isMissing(cause)) return { sha256, exists: false, size: 0 };
        throw cause;
      }
    },
  };
}
