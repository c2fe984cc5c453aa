/**
 * The verification worker thread (issue 6, item 7; architecture.md: untrusted input is parsed in a worker with
 * bounds on size, time and memory, never on Electron's main thread). It answers `{id, bytes, options}` messages
 * with `{id, result}`; a receipt ledger directory in the options is opened here, read-only, so the main thread
 * never hands a function across. Started by verify-worker.ts; built as its own entry (verify-worker.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ReceiptLedger } from '../receipt-ledger';
import { verifyPdf, type PdfVerification, type VerifyOptions } from './verify-pdf';
import type { TrustContext } from './trust-check';

/** Verify options as they cross a thread boundary: plain data only. */
export interface WorkerVerifyOptions extends Omit<VerifyOptions, 'trust'> {
  trust?: Omit<TrustContext, 'receipts'>;
  /** `<data dir>/receipts`: receipts recorded there are proofs of existence (receipt-ledger.ts). */
  receiptLedgerDir?: string;
}

export interface VerifyMessage { id: number; bytes: Uint8Array; options: WorkerVerifyOptions }
export type VerifyAnswer = { id: number; result: PdfVerification } | { id: number; error: string } | { ready: true };

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
