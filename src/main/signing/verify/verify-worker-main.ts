/**
 * The verification worker thread (issue 6, item 7; architecture.md: untrusted input is parsed in a worker with
 * bounds on size, time and memory, never on Electron's main thread). It answers `{id, bytes, options}` messages
 * with `{id, result}`; a receipt ledger directory in the options is opened here, read-only, so the main thread
 * never hands a function across. Started by verify-worker.ts; built as its own entry (verify-worker.mjs).
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_PDF_LIMITS } from '../../pdf/parse/pdf-limits';
import { ReceiptLedger } from '../receipt-ledger';
import { PrefixDigests } from './prefix-digests';
import { verifyPdf, type PdfVerification, type VerifyOptions } from './verify-pdf';
import type { TrustContext } from './trust-check';

/** Verify options as they cross a thread boundary: plain data only. */
export interface WorkerVerifyOptions extends Omit<VerifyOptions, 'trust'> {
  trust?: Omit<TrustContext, 'receipts'>;
  /** `<data dir>/receipts`: receipts recorded there are proofs of existence (receipt-ledger.ts). */
  receiptLedgerDir?: string;
}

/** What the worker answers for a stored file read by path: the verdict and the SHA-256 of the bytes it read. */
export type FileVerification = PdfVerification & { sha256: string };

/** One request: the bytes (moved or copied to the worker), or the path of a stored file the worker reads itself. */
export type VerifyMessage = { id: number; options: WorkerVerifyOptions } & ({ bytes: Uint8Array } | { path: string });

// The worker reads stored files into one reused buffer (up to SCRATCH_MAX; larger files get their own): a fresh
// 50 MB buffer per file made V8 collect garbage under external-memory pressure in the middle of each verification.
const SCRATCH_MAX = 64 * 1024 * 1024;
let scratch: Buffer | null = null;

const READ_CHUNK = 1 << 20;
const EOF = Buffer.from('%%EOF', 'latin1');

/**
 * The file at `path` (a path in our own store, given by the main thread), bounded by `maxBytes`, read in 1 MB
 * chunks that are hashed as they arrive (still in cache): the SHA-256 state after each chunk is kept, so the
 * whole-file hash and every ByteRange prefix come from this one pass (prefix-digests.ts). The '%%EOF' markers
 * are looked for in the same chunk while it is still in cache (at most `maxMarkers`; the parser refuses more
 * revisions than its limit anyway), so the parser does not search the whole file again. Exported for its test.
 */
export function readStored(path: string, maxBytes: number, maxMarkers: number): { bytes: Uint8Array; states: Map<number, Hash>; eofMarkers: number[] | undefined } | { tooLarge: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return { tooLarge: size };
    let target: Buffer;
    if (size <= SCRATCH_MAX) {
      if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, Math.max(size, 2 * (scratch?.length ?? 0), 1 << 20)));
      target = scratch;
    } else {
      target = Buffer.allocUnsafeSlow(size);
    }
    const hash = createHash('sha256');
    const states = new Map<number, Hash>();
    const markers: number[] = [];
    let done = 0;
    while (done < size) {
      const n = readSync(fd, target, done, Math.min(READ_CHUNK, size - done), done);
      if (n === 0) break;
      hash.update(target.subarray(done, done + n));
      // From 4 bytes back, so a marker split across two chunks is found once (one wholly before was found already).
      const end = done + n;
      const soFar = target.subarray(0, end);
      for (let at = soFar.indexOf(EOF, Math.max(0, done - (EOF.length - 1))); at >= 0 && markers.length <= maxMarkers; at = soFar.indexOf(EOF, at + EOF.length)) {
        markers.push(at);
      }
      done = end;
      states.set(done, hash.copy());
    }
    // Past the limit the list is cut: the parser searches itself and refuses the file with its own reason.
    return { bytes: new Uint8Array(target.buffer, target.byteOffset, done), states, eofMarkers: markers.length <= maxMarkers ? markers : undefined };
  } finally {
    closeSync(fd);
  }
}

export type VerifyAnswer = { id: number; result: PdfVerification | FileVerification } | { id: number; error: string } | { ready: true };

/** Run one request (exported for tests of the protocol without a thread). */
export async function answer(msg: VerifyMessage): Promise<VerifyAnswer> {
  try {
    const { receiptLedgerDir, trust, ...rest } = msg.options;
    const ledger = receiptLedgerDir ? new ReceiptLedger(receiptLedgerDir) : null;
    const options: VerifyOptions = { ...rest };
    if (trust) {
      options.trust = ledger
        ? { ...trust, receipts: (sha256: string) => { const r = ledger.earliest(sha256); return r ? new Date(r.time) : null; } }
        : trust;
    }
    if ('path' in msg) {
      const maxBytes = rest.limits?.maxFileBytes ?? DEFAULT_PDF_LIMITS.maxFileBytes;
      const read = readStored(msg.path, maxBytes, rest.limits?.maxRevisions ?? DEFAULT_PDF_LIMITS.maxRevisions);
      if ('tooLarge' in read) {
        return { id: msg.id, result: { verdict: 'invalid', reasons: [`tệp vượt giới hạn kiểm tra an toàn: tệp ${read.tooLarge} byte, quá ${maxBytes} byte`], signatures: [] } };
      }
      // The hash of the whole file (the caller compares it with the blob's name) comes from the same pass.
      const prefixes = new PrefixDigests(read.bytes, read.states);
      const result = await verifyPdf(read.bytes, { ...options, prefixes, ...(read.eofMarkers ? { eofMarkers: read.eofMarkers } : {}) });
      return { id: msg.id, result: { ...result, sha256: prefixes.prefix(read.bytes.length).toString('hex') } };
    }
    return { id: msg.id, result: await verifyPdf(msg.bytes, options) };
  } catch (err) {
    return { id: msg.id, error: (err as Error).message };
  }
}

if (parentPort && (workerData as { role?: string } | null)?.role === 'vanthu-verify') {
  const port = parentPort;
  port.on('message', (msg: VerifyMessage) => {
    void answer(msg).then((a) => port.postMessage(a));
  });
  // Loading the modules takes a while on a busy machine: the pool starts a file's clock only after this.
  port.postMessage({ ready: true });
}
