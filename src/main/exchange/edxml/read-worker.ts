/**
 * readPackage off the calling thread (architecture.md "Security rules"): one worker thread with a heap bound,
 * packages read one at a time, and a wall-clock bound per package. A package that overruns a bound, or kills the
 * worker, becomes a rejection naming the bound (the caller quarantines it and answers as for any rejection); the
 * worker is replaced on demand. Same answers as readPackage in-thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EdxmlLimits } from '../../../shared/domain/edxml/limits';
import type { PackageRejection } from '../../../shared/domain/edxml/rejection';
import type { ReadOutcome } from './edxml-api';
import type { ReadAnswer, ReadMessage } from './read-worker-main';

export interface EdxmlReaderOptions {
  /** The data directory whose `blobs/` receives the attachments (the same one main's BlobStore uses). */
  dataDir: string;
  /** The blob store's per-file bound, when not the default. */
  maxBlobBytes?: number;
  limits?: Partial<EdxmlLimits>;
  /** Wall-clock bound per package, ms (default 10 minutes: a 160 MB package on a slow disk). */
  timeoutMs?: number;
  /** Heap bound of the worker, MB (default 256; the reader streams, so it needs little). */
  maxMemoryMb?: number;
}

interface Job {
  msg: ReadMessage;
  resolve: (r: ReadOutcome) => void;
}

/** The worker script: the built entry beside the bundle, else the source entry. */
function workerScript(): URL {
  for (const name of ['./edxml-worker.js', './edxml-worker.mjs', '../edxml-worker.js', '../edxml-worker.mjs', './read-worker-entry.mjs']) {
    const url = new URL(name, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('[edxml] không tìm thấy tệp worker đọc gói edXML');
}

const overrun = (reason: string): PackageRejection => ({
  kind: 'rejected',
  code: 'UNREADABLE',
  reason: `Gói tin vượt giới hạn đọc an toàn: ${reason}.`,
  sender: null,
  responseFor: null,
  packageKind: null,
});

/** Reads packages in a worker thread. `close()` when done (idle workers never keep the process alive). */
export class EdxmlReader {
  private readonly options: EdxmlReaderOptions;
  private readonly queue: Job[] = [];
  private worker: Worker | null = null;
  private ready = false;
  private current: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;

  constructor(options: EdxmlReaderOptions) {
    this.options = options;
  }

  /** Read the package at `path` (only opened for reading). Never rejects for a bad package. */
  read(path: string): Promise<ReadOutcome> {
    if (this.closed) return Promise.reject(new Error('[edxml] reader closed'));
    return new Promise((resolve) => {
      const msg: ReadMessage = { id: this.nextId++, path, dataDir: this.options.dataDir };
      if (this.options.maxBlobBytes !== undefined) msg.maxBlobBytes = this.options.maxBlobBytes;
      if (this.options.limits) msg.limits = this.options.limits;
      this.queue.push({ msg, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(overrun('trình đọc đã đóng'));
    this.current?.resolve(overrun('trình đọc đã đóng'));
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }

  private spawn(): void {
    const maxMemoryMb = this.options.maxMemoryMb ?? 256;
    const worker = new Worker(workerScript(), {
      workerData: { role: 'vanthu-edxml' },
      resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb, maxYoungGenerationSizeMb: 32 },
    });
    this.worker = worker;
    this.ready = false;
    worker.on('message', (a: ReadAnswer) => {
      if ('ready' in a) {
        this.ready = true;
        this.pump();
        return;
      }
      const job = this.current;
      if (!job || job.msg.id !== a.id) return;
      this.settle();
      job.resolve('outcome' in a ? a.outcome : overrun(`lỗi khi đọc (${a.error})`));
      this.pump();
    });
    const lost = (reason: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.current ?? (this.ready ? null : this.queue.shift() ?? null);
      this.settle();
      job?.resolve(overrun(reason));
      this.pump();
    };
    worker.on('error', (err: Error & { code?: string }) => lost(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `vượt quá ${maxMemoryMb} MB bộ nhớ` : `luồng đọc gặp lỗi (${err.message})`));
    worker.on('exit', () => lost('luồng đọc dừng bất thường'));
  }

  private settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    this.worker?.unref();
  }

  private pump(): void {
    if (this.closed || this.current || this.queue.length === 0) return;
    if (!this.worker) {
      this.spawn();
      return;
    }
    if (!this.ready) return;
    const job = this.queue.shift() as Job;
    const worker = this.worker;
    this.current = job;
    worker.ref();
    const timeoutMs = this.options.timeoutMs ?? 600_000;
    this.timer = setTimeout(() => {
      this.worker = null;
      this.settle();
      void worker.terminate();
      job.resolve(overrun(`đọc một gói quá ${Math.round(timeoutMs / 1000)} giây`));
      this.pump();
    }, timeoutMs);
    worker.postMessage(job.msg);
  }
}
