/**
 * Verification off the main thread (issue 6, item 7): a small pool of worker threads (util/bounded-worker-pool.ts),
 * each with a heap limit, and a wall-clock limit per file. A file that overruns either bound gets an "invalid"
 * verdict naming the bound, the worker is replaced, and the window (Electron's main thread) never waits on a
 * hostile PDF. The worker runs verify-worker-main.ts; in a build it is its own entry file next to the bundle.
 */
import { BoundedWorkerPool, workerScript as findScript, type WorkerFailure } from '../../util/bounded-worker-pool';
import type { PdfVerification } from './verify-pdf';
import type { FileVerification, WorkerVerifyOptions } from './verify-worker-main';

export type { FileVerification, WorkerVerifyOptions } from './verify-worker-main';

type VerifyRequest = { options: WorkerVerifyOptions } & ({ bytes: Uint8Array } | { path: string });

export interface VerifyPoolOptions {
  /** Worker threads (default 1: verification is CPU-bound and the machine has other work). */
  size?: number;
  /** Wall-clock bound per file, ms (default 60 s; the in-file budget of pdf-limits.ts is 30 s). */
  timeoutMs?: number;
  /** Heap bound per worker, MB (default 768). */
  maxMemoryMb?: number;
}

/** The worker script: the built entry beside the bundle (or one folder up from a chunk), else the source entry. */
export function workerScript(): URL {
  return findScript(import.meta.url, ['./verify-worker.js', './verify-worker.mjs', '../verify-worker.js', '../verify-worker.mjs', './verify-worker-entry.mjs'], 'kiểm tra chữ ký');
}

const refused = (reason: string): PdfVerification => ({ verdict: 'invalid', reasons: [`tệp vượt giới hạn kiểm tra an toàn: ${reason}`], signatures: [] });

function failed(why: WorkerFailure): PdfVerification {
  switch (why.kind) {
    case 'timeout': return refused(`kiểm tra một tệp quá ${why.seconds} giây`);
    case 'memory': return refused(`vượt quá ${why.megabytes} MB bộ nhớ`);
    case 'error': return refused(`luồng kiểm tra gặp lỗi (${why.message})`);
    case 'exit': return refused('luồng kiểm tra dừng bất thường');
    case 'answer': return { verdict: 'invalid', reasons: [`không kiểm tra được tệp: ${why.message}`], signatures: [] };
  }
}

export class VerifyPool {
  private readonly pool: BoundedWorkerPool<VerifyRequest, PdfVerification>;

  constructor(options: VerifyPoolOptions = {}) {
    this.pool = new BoundedWorkerPool<VerifyRequest, PdfVerification>({
      script: workerScript(), role: 'vanthu-verify', size: options.size ?? 1,
      timeoutMs: options.timeoutMs ?? 60_000, maxMemoryMb: options.maxMemoryMb ?? 768, maxYoungMb: 64, failure: failed,
    });
  }

  /**
   * Verify `bytes` in a worker. The bytes are copied, unless `transfer` is set and they fill their own buffer:
   * then the buffer moves to the worker without a copy (a 50 MB scan) and is no longer usable here.
   */
  verify(bytes: Uint8Array, options: WorkerVerifyOptions = {}, transfer = false): Promise<PdfVerification> {
    const movable = transfer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    return this.pool.run({ bytes, options }, movable ? [bytes.buffer as ArrayBuffer] : []);
  }

  /**
   * Verify the stored file at `path` (a path inside our own store, never one from outside): the worker reads it
   * itself into a reused buffer, so the bytes never pass through this thread. The answer carries the SHA-256 of
   * the bytes read (`sha256`), except when the worker failed (a bound, a crash): then it is a verdict without one.
   */
  async verifyFile(path: string, options: WorkerVerifyOptions = {}): Promise<FileVerification | PdfVerification> {
    return this.pool.run({ path, options });
  }

  /** Stop every worker; pending files are rejected. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
