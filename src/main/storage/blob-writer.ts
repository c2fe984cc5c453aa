/**
 * Streaming writes into the content-addressed store (blob-store.ts `openWriter`, `putStream`, `putFile`): bytes
 * are hashed while they are written to a temp file in `blobs/tmp/`; `commit` fsyncs it and renames it into place
 * under its SHA-256, after the media-type sidecar, with one directory fsync for both. A crash leaves at most a temp
 * file (removed at the next start) or a lone sidecar, as with `put`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat as fsStat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppFailure } from '../../shared/api/result';
import { MediaType } from '../../shared/api/schemas';
import type { StoredFile } from '../../shared/api/contract';
import { fsyncDir, TEMP_SUFFIX } from './atomic-file';

/** A blob being written in pieces (BlobStore.openWriter). Call exactly one of `commit` or `abort`. */
export interface BlobWriter {
  /** Append bytes. Errors: TOO_LARGE once more than the store's bound was written (the writer is then aborted). */
  write(chunk: Uint8Array): Promise<void>;
  /** Bytes written so far. */
  readonly size: number;
  /** The first bytes written (up to 1024), e.g. to sniff `%PDF-` or `PK\x03\x04`. */
  head(): Uint8Array;
  /** Whether the bytes so far look like a PDF (`%PDF-` at the start window, `%%EOF` in the last 2048 bytes). */
  looksLikePdf(): boolean;
  /** Finish: fsync, rename into the store under the hash. Errors: EMPTY_FILE, NOT_PDF, VALIDATION as for `put`. */
  commit(mediaType: MediaType): Promise<StoredFile>;
  /** Drop the temp file. Safe to call more than once. */
  abort(): Promise<void>;
}

export interface BlobWriterContext {
  tmpDir: string;
  maxBytes: number;
  objectPath(sha: string): string;
  metaPath(sha: string): string;
  readMediaType(sha: string): Promise<MediaType>;
}

const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
const PDF_EOF = Buffer.from('%%EOF', 'latin1');
const PDF_HEADER_WINDOW = 1024;
const PDF_EOF_WINDOW = 2048;

/** SHA-256 of a file, streamed (bounded memory); null when it does not exist. */
export async function hashFile(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) hash.update(chunk as Buffer);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
  return hash.digest('hex');
}

/** Open a writer over a fresh temp file. */
export async function openBlobWriter(ctx: BlobWriterContext): Promise<BlobWriter> {
  const { tmpDir, maxBytes, objectPath, metaPath, readMediaType } = ctx;
  await mkdir(tmpDir, { recursive: true });
  const temp = join(tmpDir, `stream.${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await open(temp, 'wx', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let closed = false;
  const abort = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
  };
  return {
    get size() {
      return size;
    },
    head: () => new Uint8Array(head),
    looksLikePdf: () => head.includes(PDF_HEADER) && tail.includes(PDF_EOF),
    async write(chunk) {
      if (closed) throw new AppFailure('INTERNAL', 'Ghi vào tệp đã đóng.');
      if (chunk.byteLength === 0) return;
      if (size + chunk.byteLength > maxBytes) {
        await abort();
        throw new AppFailure('TOO_LARGE', `Tệp quá lớn (hơn ${maxBytes} byte).`, { max: maxBytes });
      }
      const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hash.update(buffer);
      let offset = 0;
      while (offset < buffer.length) offset += (await handle.write(buffer, offset)).bytesWritten;
      size += buffer.length;
      if (head.length < PDF_HEADER_WINDOW) head = Buffer.concat([head, buffer.subarray(0, PDF_HEADER_WINDOW - head.length)]);
      tail = Buffer.concat([tail, buffer]);
      if (tail.length > PDF_EOF_WINDOW) tail = Buffer.from(tail.subarray(tail.length - PDF_EOF_WINDOW));
    },
    async commit(mediaType) {
      if (closed) throw new AppFailure('INTERNAL', 'Tệp đã được ghi xong hoặc đã huỷ.');
      const type = MediaType.safeParse(mediaType);
      try {
        if (!type.success) throw new AppFailure('VALIDATION', `Loại tệp không được hỗ trợ: ${String(mediaType)}.`);
        if (size === 0) throw new AppFailure('EMPTY_FILE', 'Tệp rỗng (0 byte), không lưu được.');
        if (type.data === 'application/pdf' && !(head.includes(PDF_HEADER) && tail.includes(PDF_EOF))) {
          throw new AppFailure('NOT_PDF', 'Tệp không phải PDF (thiếu phần đầu %PDF- hoặc phần cuối %%EOF).');
        }
        await handle.sync();
        await handle.chmod(0o400);
      } catch (cause) {
        await abort();
        throw cause;
      }
      closed = true;
      await handle.close();
      const sha = hash.digest('hex');
      const stored: StoredFile = { sha256: sha, size, mediaType: type.data };
      try {
        const intact = (await fsStat(objectPath(sha)).then((s) => s.size, () => -1)) === size && (await hashFile(objectPath(sha))) === sha;
        if (intact && (await readMediaType(sha)) === type.data) {
          await rm(temp, { force: true });
          return stored;
        }
        // Sidecar first, then the blob, both renamed into the same folder: one directory fsync makes both durable
        // (a crash in between leaves at most a sidecar, as in `put`).
        const objectDir = dirname(objectPath(sha));
        await mkdir(objectDir, { recursive: true });
        const metaTemp = join(tmpDir, `meta.${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
        try {
          const meta = await open(metaTemp, 'wx', 0o600);
          try {
            await meta.writeFile(JSON.stringify({ mediaType: type.data }));
            await meta.sync();
          } finally {
            await meta.close();
          }
          await rename(metaTemp, metaPath(sha));
        } finally {
          await rm(metaTemp, { force: true });
        }
        if (intact) await rm(temp, { force: true });
        else await rename(temp, objectPath(sha));
        await fsyncDir(objectDir);
      } catch (cause) {
        await rm(temp, { force: true });
        throw cause;
      }
      return stored;
    },
    abort,
  };
}
