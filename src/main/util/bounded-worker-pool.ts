/**
 * Worker threads for untrusted input (architecture.md "Security rules": parsing and verifying PDFs, edXML packages
 * and archives runs in a worker with bounds on time and memory, never on Electron's main thread). A pool of
 * workers, each with a heap bound; one request per worker at a time, with a wall-clock bound that starts once the
 * worker has loaded. A request that overruns a bound, or whose worker dies, gets the caller's failure answer; the
 * worker is replaced on demand. Idle workers never keep the process alive.
 *
 * Protocol: the pool posts `{ id, ...request }`; the worker posts `{ ready: true }` once loaded, then
 * `{ id, result }` or `{ id, error }` per request (see verify-worker-main.ts, read-worker-main.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Why a request got no answer from its worker. */
export type WorkerFailure =
  | { kind: 'timeout'; seconds: number }
  | { kind: 'memory'; megabytes: number }
  | { kind: 'error'; message: string }
  | { kind: 'exit' }
  | { kind: 'answer'; message: string };

export interface BoundedWorkerPoolOptions<R> {
  /** The worker script (workerScript() finds the built entry or the source one). */
  script: URL;
  /** workerData.role the worker main checks before serving. */
  role: string;
  size?: number;
  timeoutMs: number;
  maxMemoryMb: number;
  maxYoungMb: number;
  /** The answer for a request whose worker failed it (a verdict, a rejection). */
  failure: (why: WorkerFailure) => R;
}

/** Thrown (as a rejection) for requests still waiting when the pool is closed. */
export class WorkerPoolClosed extends Error {
  constructor() {
    super('[worker] pool closed');
  }
}

type Answer<R> = { id: number; result: R } | { id: number; error: string } | { ready: true };
interface Job<R> { msg: object & { id: number }; resolve: (r: R) => void; reject: (e: Error) => void; transfer: ArrayBuffer[] }
interface Slot<R> { worker: Worker; job: Job<R> | null; timer: NodeJS.Timeout | null; ready: boolean }

/**
 * The first of `names` (relative to `base`, a module's import.meta.url) that exists: the built entry beside the
 * bundle or one folder up from a chunk, else the source entry.
 */
export function workerScript(base: string, names: string[], what: string): URL {
  for (const name of names) {
    const url = new URL(name, base);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  throw new Error(`[worker] không tìm thấy tệp worker ${what}`);
}

export class BoundedWorkerPool<Q extends object, R> {
  private readonly options: BoundedWorkerPoolOptions<R>;
  private readonly size: number;
  private readonly slots: Array<Slot<R>> = [];
  private readonly queue: Array<Job<R>> = [];
  private nextId = 1;
  private closed = false;

  constructor(options: BoundedWorkerPoolOptions<R>) {
    this.options = options;
    this.size = Math.max(1, options.size ?? 1);
  }

  /** Run `request` in a worker; `transfer` buffers move to it without a copy. Rejects only when closed. */
  run(request: Q, transfer: ArrayBuffer[] = []): Promise<R> {
    if (this.closed) return Promise.reject(new WorkerPoolClosed());
    return new Promise((resolve, reject) => {
      this.queue.push({ msg: { ...request, id: this.nextId++ }, resolve, reject, transfer });
      this.pump();
    });
  }

  /** Stop every worker; requests still waiting are rejected with WorkerPoolClosed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new WorkerPoolClosed());
    await Promise.all(this.slots.splice(0).map(async (s) => {
      if (s.timer) clearTimeout(s.timer);
      s.job?.reject(new WorkerPoolClosed());
      await s.worker.terminate();
    }));
  }

  private spawn(): void {
    const { maxMemoryMb, maxYoungMb, failure } = this.options;
    const worker = new Worker(this.options.script, {
      workerData: { role: this.options.role },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: maxYoungMb },
    });
    const slot: Slot<R> = { worker, job: null, timer: null, ready: false };
    worker.on('message', (a: Answer<R>) => {
      if ('ready' in a) {
        slot.ready = true;
        this.pump();
        if (!slot.job) worker.unref();
        return;
      }
      const job = slot.job;
      if (!job || job.msg.id !== a.id) return;
      this.finish(slot);
      job.resolve('result' in a ? a.result : failure({ kind: 'answer', message: a.error }));
      this.pump();
    });
    // A worker that dies before it is ready takes the request it was started for with it (else it would respawn
    // forever); the 'exit' that follows an 'error' finds the slot gone and does nothing.
    const lost = (why: WorkerFailure): void => {
      if (!this.slots.includes(slot)) return;
      const job = slot.job ?? (slot.ready ? null : this.queue.shift() ?? null);
      this.drop(slot);
      job?.resolve(failure(why));
      this.pump();
    };
    worker.on('error', (err: Error & { code?: string }) => lost(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', megabytes: maxMemoryMb } : { kind: 'error', message: err.message }));
    worker.on('exit', () => lost({ kind: 'exit' }));
    // Referenced while it loads for a queued request; unreferenced whenever idle.
    this.slots.push(slot);
  }

  private finish(slot: Slot<R>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
  }

  private drop(slot: Slot<R>): void {
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
      const job = this.queue.shift() as Job<R>;
      slot.job = job;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        // A request that outlives the bound: the worker is killed (its heap goes with it) and replaced on demand.
        this.drop(slot);
        void slot.worker.terminate();
        job.resolve(this.options.failure({ kind: 'timeout', seconds: Math.round(this.options.timeoutMs / 1000) }));
        this.pump();
      }, this.options.timeoutMs);
      slot.worker.postMessage(job.msg, job.transfer);
    }
  }
}
