/**
 * Verification speed (issues 3 and 6): the attack corpus (../shared/pdf-attack-samples) plus our own signed
 * outputs, verified as the app verifies incoming files — in the worker pool (verify-worker.ts), with the
 * shared-object closure, widget and overlay analysis (integrity, structure and revisions, like `pdfsig -nocert`) —
 * and pdfsig -nocert on the same files in the same run; then a 50 MB scanned-style PDF verified from its file
 * (the worker reads it, VerifyPool.verifyFile) against one SHA-256 pass over the same file (medians of 9 runs). Both sides are warmed up by one pass over the
 * corpus first. The in-thread time is printed too.
 * Last line: RESULT verify ms_per_file=… pdfsig_ms_per_file=… ratio=… hash_ratio=…
 */
import { createHash, createSign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { verifyPdf } from '../../src/main/signing/verify/verify-pdf';
import { VerifyPool } from '../../src/main/signing/verify/verify-worker';
import { signPdf, type CmsSigner } from '../../src/main/pdf/pades-sign';
import { fillNumberDate, prepareNumberDateFields } from '../../src/main/pdf/number-date-fields';
import { createTestPki } from '../../test/support/pki/test-pki';
import { makeDraftPdf } from '../../test/support/pki/sample-documents';

const here = import.meta.dirname;
const corpus = join(here, '../../../shared/pdf-attack-samples');
const work = mkdtempSync(join(tmpdir(), 'vanthu-bench-verify-'));
const SCAN_RUNS = 9;

/** SHA-256 of a file read in 1 MB chunks. */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.pdf') ? [p] : [];
  });
}

async function ownOutputs(signer: CmsSigner): Promise<string[]> {
  const draft = await prepareNumberDateFields(await makeDraftPdf({ pages: 3 }));
  const a = await signPdf(draft, { fieldName: 'KyDuyet', pageIndex: 2, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() }, signer);
  const b = await fillNumberDate(a, '7', '2026-03-02');
  const c = await signPdf(b, { fieldName: 'KySoCoQuan', pageIndex: 2, rect: null, appearance: {}, signingTime: new Date() }, signer);
  return [a, b, c].map((bytes, i) => {
    const p = join(work, `own-${i}.pdf`);
    writeFileSync(p, bytes);
    return p;
  });
}

async function bigScan(signer: CmsSigner): Promise<string> {
  const doc = await PDFDocument.create();
  const side = 4096; // 4096 × 4096 × 3 bytes ≈ 50 MB of raw RGB, like an uncompressed scan
  const pixels = new Uint8Array(side * side * 3);
  for (let i = 0; i < pixels.length; i += 4096) pixels[i] = i & 0xff;
  const image = doc.context.register(doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Resources'), doc.context.obj({ XObject: doc.context.obj({ Im1: image }) }));
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('q 595 0 0 842 0 0 cm /Im1 Do Q')));
  const unsigned = await doc.save({ useObjectStreams: false });
  const signed = await signPdf(unsigned, { fieldName: 'KySoCoQuan', pageIndex: 0, rect: null, appearance: {}, signingTime: new Date() }, signer);
  const p = join(work, 'scan-50mb.pdf');
  writeFileSync(p, signed);
  return p;
}

function timePdfsig(files: string[]): number {
  const t0 = performance.now();
  for (const f of files) {
    try {
      execFileSync('pdfsig', ['-nocert', f], { stdio: 'pipe' });
    } catch {
      // exit 2 = no signatures; the time still counts
    }
  }
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  const signer: CmsSigner = { certDer: pki.personal.certDer, chainDers: [pki.intermediate.certDer], keyAlgorithm: 'RSA', sign: async (t) => new Uint8Array(createSign('sha256').update(t).sign(pki.personal.privateKey)) };
  const files = [...walk(corpus).sort(), ...(await ownOutputs(signer))];
  const contents = files.map((f) => new Uint8Array(readFileSync(f)));
  const pool = new VerifyPool({ size: 1 });
  // Warm-up: one pass over the corpus in this thread and in the worker (module loading, JIT), as the app's
  // long-lived worker is warm after its first files.
  for (const bytes of contents) { await verifyPdf(bytes, { integrityOnly: true }); await pool.verify(bytes, { integrityOnly: true }); }
  const i0 = performance.now();
  for (const bytes of contents) await verifyPdf(bytes, { integrityOnly: true });
  const inThread = (performance.now() - i0) / files.length;
  const t0 = performance.now();
  const verdicts: Record<string, number> = {};
  for (const bytes of contents) {
    const r = await pool.verify(bytes, { integrityOnly: true });
    verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  }
  const ours = (performance.now() - t0) / files.length;
  const theirs = timePdfsig(files) / files.length;
  console.log(`files=${files.length} verdicts=${JSON.stringify(verdicts)}`);
  console.log(`ours ${ours.toFixed(2)} ms/file in the worker (${inThread.toFixed(2)} in this thread), pdfsig -nocert ${theirs.toFixed(2)} ms/file`);

  // The 50 MB scan, as the app verifies a stored file: the worker reads it and hashes it (its name in the store
  // and its ByteRange) in one pass; against one SHA-256 pass over the same file (read in 1 MB chunks, like
  // sha256sum). Medians of SCAN_RUNS runs (the first run of a 50 MB file is cold on both sides).
  const scanPath = await bigScan(signer);
  const hashRuns: number[] = [];
  const verifyRuns: number[] = [];
  const scanBytes = statSync(scanPath).size;
  let scanVerdict = '';
  for (let run = 0; run < SCAN_RUNS; run += 1) {
    const h0 = performance.now();
    hashFile(scanPath);
    hashRuns.push(performance.now() - h0);
    const v0 = performance.now();
    scanVerdict = (await pool.verifyFile(scanPath, { integrityOnly: true })).verdict;
    verifyRuns.push(performance.now() - v0);
  }
  const hashMs = median(hashRuns);
  const verifyMs = median(verifyRuns);
  await pool.close();
  console.log(`scan ${(scanBytes / 1e6).toFixed(1)} MB: verify ${verifyMs.toFixed(1)} ms (${scanVerdict}), one SHA-256 pass ${hashMs.toFixed(1)} ms (medians of ${SCAN_RUNS})`);
  rmSync(work, { recursive: true, force: true });
  console.log(`RESULT verify ms_per_file=${ours.toFixed(2)} pdfsig_ms_per_file=${theirs.toFixed(2)} ratio=${(ours / theirs).toFixed(2)} hash_ratio=${(verifyMs / hashMs).toFixed(2)}`);
}

await main();
