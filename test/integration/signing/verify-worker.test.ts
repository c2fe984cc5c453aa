// Issue 6, item 7: verification runs in a worker thread with a heap bound and a wall-clock bound per file; a file
// that overruns either is "invalid" with the bound named, and the pool goes on with the next file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPdf } from '../../../src/main/pdf/pades-sign';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { VerifyPool } from '../../../src/main/signing/verify/verify-worker';
import { readStored } from '../../../src/main/signing/verify/verify-worker-main';
import { createTestPki, type TestPki } from '../../support/pki/test-pki';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';

const SAMPLES = join(import.meta.dirname, '../../../../shared/pdf-attack-samples');
let pki: TestPki;
let signed: Uint8Array;
const pools: VerifyPool[] = [];
const pool = (o?: ConstructorParameters<typeof VerifyPool>[0]) => { const p = new VerifyPool(o); pools.push(p); return p; };

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  signed = await signPdf(await makeDraftPdf(), { fieldName: 'KyDuyet', pageIndex: 0, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() }, softSigner(pki.personal, [pki.intermediate.certDer]));
});
afterAll(async () => { await Promise.all(pools.map((p) => p.close())); });

describe('VerifyPool', () => {
  it('gives the same verdicts as verification in this thread, for our file and for attack samples', async () => {
    const p = pool();
    const files = [signed, ...['isa-swa-itext/siwa.pdf', 'shadow/replace/variant-2_replace-via-overwrite/4_original-document-shadowed-signed-manipulated.pdf', 'certification/ex2_02_NDA_cert_p2_sign_original.pdf']
      .map((f) => new Uint8Array(readFileSync(join(SAMPLES, f))))];
    for (const bytes of files) {
      const here = await verifyPdf(bytes, { integrityOnly: true });
      const there = await p.verify(bytes, { integrityOnly: true });
      expect(there.verdict).toBe(here.verdict);
      expect(there.reasons).toEqual(here.reasons);
    }
  });

  it('checks trust in the worker too (anchors cross as plain data)', async () => {
    const r = await pool().verify(signed, { trust: { anchors: [pki.root.certDer], intermediates: [pki.intermediate.certDer], allowLiveFetch: false } });
    expect(r.signatures[0]?.chain).toBe('trusted');
  });

  it('a file over the wall-clock bound is invalid with the bound named, and the pool goes on', async () => {
    const p = pool({ timeoutMs: 1 });
    const r = await p.verify(signed, { integrityOnly: true });
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/quá 0 giây/);
    const ok = pool();
    expect((await ok.verify(signed, { integrityOnly: true })).verdict).toBe('valid');
  });

  it('a worker that runs out of its heap bound gives an invalid verdict, not a crash of this process', async () => {
    const big = new Uint8Array(120 * 1024 * 1024);
    big.set(Buffer.from('%PDF-1.7\n'), 0);
    const r = await pool({ maxMemoryMb: 8 }).verify(big, { integrityOnly: true });
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/giới hạn kiểm tra an toàn/);
  });

  it('answers several files queued at once, each with its own verdict', async () => {
    const p = pool({ size: 2 });
    const garbage = new Uint8Array(Buffer.from('không phải PDF'));
    const results = await Promise.all([signed, garbage, signed, garbage].map((b) => p.verify(b, { integrityOnly: true })));
    expect(results.map((r) => r.verdict)).toEqual(['valid', 'invalid', 'valid', 'invalid']);
  });
});

describe('VerifyPool.verifyFile (the worker reads the stored file itself)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, bytes: Uint8Array): string => { const p = join(dir, name); writeFileSync(p, bytes); return p; };
  const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

  it('gives the verdict of verification in this thread and the SHA-256 of the bytes it read, file after file', async () => {
    const p = pool();
    const sample = new Uint8Array(readFileSync(join(SAMPLES, 'shadow/replace/variant-2_replace-via-overwrite/4_original-document-shadowed-signed-manipulated.pdf')));
    // A large file, then smaller ones: the reused read buffer must never leak bytes of an earlier file.
    for (const [name, bytes] of [['big.pdf', sample], ['ours.pdf', signed], ['small.pdf', Buffer.from('%PDF-1.7\nkhông phải PDF đầy đủ')]] as const) {
      const here = await verifyPdf(bytes, { integrityOnly: true });
      const there = await p.verifyFile(write(name, bytes), { integrityOnly: true });
      expect(there.verdict).toBe(here.verdict);
      expect(there.reasons).toEqual(here.reasons);
      expect('sha256' in there && there.sha256).toBe(sha(bytes));
    }
  });

  it('finds every %%EOF while reading, also one split across two 1 MB chunks, and gives up past the limit', async () => {
    const MB = 1 << 20;
    const bytes = Buffer.alloc(3 * MB + 100, 0x20);
    bytes.write('%PDF-1.7\n', 0, 'latin1');
    // Split 2|3 and 4|1 across the chunk boundaries, one wholly inside a chunk, one at the very end.
    const at = [MB - 2, 2 * MB - 4, 2 * MB + 10, bytes.length - 5];
    for (const a of at) bytes.write('%%EOF', a, 'latin1');
    const path = write('markers.pdf', bytes);
    const read = readStored(path, 10 * MB, 100);
    expect('eofMarkers' in read && read.eofMarkers).toEqual(at);
    // Past the limit the list is dropped (the parser searches and refuses the file with its own reason).
    const capped = readStored(path, 10 * MB, 2);
    expect('eofMarkers' in capped && capped.eofMarkers).toBeUndefined();
    // The reused buffer holds the earlier, larger file: a smaller one must not pick up its markers.
    const small = readStored(write('small-after.pdf', Buffer.from('%PDF-1.7\n%%EOF\n')), 10 * MB, 100);
    expect('eofMarkers' in small && small.eofMarkers).toEqual([9]);
    const there = await pool().verifyFile(path, { integrityOnly: true });
    expect(there.reasons).toEqual((await verifyPdf(bytes, { integrityOnly: true })).reasons);
  });

  it('refuses a file over the size bound without reading it, naming the bound', async () => {
    const r = await pool().verifyFile(write('over.pdf', signed), { integrityOnly: true, limits: { maxFileBytes: 1000 } });
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/tệp vượt giới hạn kiểm tra an toàn: tệp \d+ byte, quá 1000 byte/);
  });
});
