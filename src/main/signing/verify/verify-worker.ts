/**
 * Verification off the main thread (issue 6, item 7): a small pool of worker threads, each with a heap limit,
 * and a wall-clock limit per file. A file that overruns either bound gets an "invalid" verdict naming the bound,
 * the worker is replaced, and the window (Electron's main thread) never waits on a hostile PDF. The worker runs
 * verify-worker-main.ts; in a build it is its own entry file next to the bundle.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfVerification } from './verify-pdf';
import type { VerifyAnswer, VerifyMessage, WorkerVerifyOptions } from './verify-worker-main';

export type { WorkerVerifyOptions } from './verify-worker-main';

export interface VerifyPoolOptions {
  /** Worker threads (default 1: verification is CPU-bound and the machine has other work). */
  size?: number;
  /** Wall-clock bound per file, ms (default 60 s; the in-file budget of pdf-limits.ts is 30 s). */
  timeoutMs?: number;
  /** Heap bound per worker, MB (default 768). */
  maxMemoryMb?: number;
}

interface Job { msg: VerifyMessage; resolve: (r: PdfVerification) => void; reject: (e: Error) => void; transfer: ArrayBuffer[] }
interface Slot { worker: Worker; job: Job | null; timer: NodeJS.Timeout | null; ready: boolean }

/** The worker script: the built entry beside the bundle, else the source entry (tests, `npx vanthu`). */
export function workerScript(): URL {
  // Bundles may put this module in a chunk one folder below the entries (dist/node/assets/…).
  for (const name of ['./verify-worker.js', './verify-worker.mjs', '../verify-worker.js', '../verify-worker.mjs', './verify-worker-entry.mjs']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('[verify] không tìm thấy tệp worker kiểm tra chữ ký');
}

const refused = (reason: string): PdfVerification => ({ verdict: 'invalid', reasons: [`tệp vượt giới hạn kiểm tra an toàn: ${reason}`], signatures: [] });

export class VerifyPool {
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly maxMemoryMb: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: VerifyPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 1);
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxMemoryMb = options.maxMemoryMb ?? 768;
  }

  /**
   * Verify `bytes` in a worker. The bytes are copied, unless `transfer` is set and they fill their own buffer:
   * then the buffer moves to the worker without a copy (a 50 MB scan) and is no longer usable here.
   */
  verify(bytes: Uint8Array, options: WorkerVerifyOptions = {}, transfer = false): Promise<PdfVerification> {
    if (this.closed) return Promise.reject(new Error('[verify] pool closed'));
    const movable = transfer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    return new Promise((resolve, reject) => {
      this.queue.push({ msg: { id: this.nextId++, bytes, options }, resolve, reject, transfer: movable ? [bytes.buffer as ArrayBuffer] : [] });
      this.pump();
    });
  }

  /** Stop every worker; pending files are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('[verify] pool closed'));
    await Promise.all(this.slots.splice(0).map(async (s) => {
      if (s.timer) clearTimeout(s.timer);
      s.job?.reject(new Error('[verify] pool closed'));
      await s.worker.terminate();
    }));
  }

  private spawn(): Slot {
    const worker = new Worker(workerScript(), {
      workerData: { role: 'vanthu-verify' },
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const slot: Slot = { worker, job: null, timer: null, ready: false };
    worker.on('message', (a: VerifyAnswer) => {
      if ('ready' in a) {
        slot.ready = true;
        this.pump();
        if (!slot.job) worker.unref();
        return;
      }
      const job = slot.job;
      if (!job || job.msg.id !== a.id) return;
      this.finish(slot);
      if ('result' in a) job.resolve(a.result);
      else job.resolve({ verdict: 'invalid', reasons: [`không kiểm tra được tệp: ${a.error}`], signatures: [] });
      this.pump();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      // A worker that dies before it is ready takes the file it was started for with it (else it would respawn forever).
      const job = slot.job ?? (slot.ready ? null : this.queue.shift() ?? null);
      this.drop(slot);
      job?.resolve(refused(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `vượt quá ${this.maxMemoryMb} MB bộ nhớ` : `luồng kiểm tra gặp lỗi (${err.message})`));
      this.pump();
    });
    worker.on('exit', () => {
      const job = slot.job ?? (slot.ready || !this.slots.includes(slot) ? null : this.queue.shift() ?? null);
      this.drop(slot);
      job?.resolve(refused('luồng kiểm tra dừng bất thường'));
      this.pump();
    });
    // Referenced while it loads for a queued file; unreferenced whenever idle, so it never keeps a process alive.
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private drop(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      const slot = this.slots.find((s) => s.job === null && s.ready);
      if (!slot) {
        // A new worker answers "ready" once loaded, and pump() runs again then.
        if (this.slots.length < this.size) this.spawn();
        return;
      }
      const job = this.queue.shift() as Job;
      const busy = slot;
      busy.job = job;
      busy.worker.ref();
      busy.timer = setTimeout(() => {
        // A file that outlives the bound: the worker is killed (its heap goes with it) and replaced on demand.
        this.drop(busy);
        void busy.worker.terminate();
        job.resolve(refused(`kiểm tra một tệp quá ${Math.round(this.timeoutMs / 1000)} giây`));
        this.pump();
      }, this.timeoutMs);
      busy.worker.postMessage(job.msg, job.transfer);
    }
  }
}
