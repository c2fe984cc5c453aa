// The streaming pieces under the reader: the incremental base64 decoder (any chunking, any line breaks) and the
// blob store's streaming write (hashed while written, fsync + rename, nothing left behind on abort or overflow).
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Base64Decoder, Base64Error } from '../../../../../src/main/exchange/edxml/base64-decoder';
import { createBlobStore } from '../../../../../src/main/storage/blob-store';

describe('Base64Decoder', () => {
  it('decodes any bytes split anywhere, with any line breaks, like a one-shot decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 8 }), fc.constantFrom('', '\n', '\r\n', ' '), (bytes, cuts, br) => {
        const text = Buffer.from(bytes).toString('base64').replace(/.{1,19}/g, `$&${br}`);
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const d = new Base64Decoder();
        const parts: Buffer[] = [];
        let last = 0;
        for (const p of [...points, text.length]) {
          parts.push(d.push(text.slice(last, p)));
          last = p;
        }
        parts.push(d.end());
        expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('accepts an unpadded tail; refuses foreign characters, misplaced padding and a lone last character', () => {
    const d = new Base64Decoder();
    expect(Buffer.concat([d.push('QUJDRA'), d.end()]).toString()).toBe('ABCD');
    expect(() => new Base64Decoder().push('QU*J')).toThrow(Base64Error);
    expect(() => new Base64Decoder().push('QQ=A')).toThrow(Base64Error);
    const padded = new Base64Decoder();
    padded.push('QQ==');
    expect(() => padded.push('QUJD')).toThrow(/sau ký tự đệm/);
    const lone = new Base64Decoder();
    lone.push('QUJDR');
    expect(() => lone.end()).toThrow(/thiếu dữ liệu/);
  });
});

describe('BlobStore streaming writes', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vanthu-blob-stream-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

  it('putStream stores chunks under their hash, the same as put, and is idempotent', async () => {
    const store = createBlobStore({ dataDir });
    const pdf = Buffer.from(`%PDF-1.7\n${'x'.repeat(5000)}\n%%EOF\n`, 'latin1');
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < pdf.length; i += 333) yield pdf.subarray(i, i + 333);
    }
    const stored = await store.putStream(chunks(), 'application/pdf');
    expect(stored).toEqual({ sha256: sha(pdf), size: pdf.length, mediaType: 'application/pdf' });
    expect((await store.get(stored.sha256)).bytes.equals(pdf)).toBe(true);
    expect(await store.putStream(chunks(), 'application/pdf')).toEqual(stored);
    expect(await store.put(pdf, 'application/pdf')).toEqual(stored);
    const file = join(dataDir, 'in.bin');
    await writeFile(file, pdf);
    expect(await store.putFile(file, 'application/pdf')).toEqual(stored);
    expect(await readdir(join(dataDir, 'blobs/tmp'))).toEqual([]);
  });

  it('readStream re-hashes: a blob changed on disk ends the stream with INTEGRITY; a missing one is NOT_FOUND', async () => {
    const store = createBlobStore({ dataDir, log: { warn: () => undefined, error: () => undefined } });
    const bytes = Buffer.alloc(700_000, 9);
    const stored = await store.put(bytes, 'application/octet-stream');
    const collect = async (): Promise<number> => {
      let n = 0;
      for await (const c of store.readStream(stored.sha256)) n += c.byteLength;
      return n;
    };
    expect(await collect()).toBe(bytes.length);
    const path = join(dataDir, 'blobs/objects', stored.sha256.slice(0, 2), stored.sha256);
    await chmod(path, 0o600);
    await writeFile(path, Buffer.alloc(700_000, 8));
    await expect(collect()).rejects.toMatchObject({ code: 'INTEGRITY' });
    await expect(store.readStream('0'.repeat(64))[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses too large, empty and non-PDF streams and leaves no temp file', async () => {
    const store = createBlobStore({ dataDir, maxBytes: 1000 });
    const big = store.openWriter();
    const w = await big;
    await w.write(new Uint8Array(600));
    await expect(w.write(new Uint8Array(600))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    const empty = await store.openWriter();
    await expect(empty.commit('application/octet-stream')).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const notPdf = await store.openWriter();
    await notPdf.write(Buffer.from('hello'));
    expect(notPdf.looksLikePdf()).toBe(false);
    await expect(notPdf.commit('application/pdf')).rejects.toMatchObject({ code: 'NOT_PDF' });
    const dropped = await store.openWriter();
    await dropped.write(Buffer.from('abc'));
    await dropped.abort();
    await dropped.abort();
    expect(await readdir(join(dataDir, 'blobs/tmp'))).toEqual([]);
    expect(await readdir(join(dataDir, 'blobs'))).not.toContain('objects');
  });
});
