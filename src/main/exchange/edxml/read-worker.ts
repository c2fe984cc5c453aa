/**
 * readPackage off the calling thread (architecture.md "Security rules"): one worker thread with a heap bound,
 * packages read one at a time, and a wall-clock bound per package. A package that overruns a bound, or kills the
 * worker, becomes a rejection naming the bound (the caller quarantines it and answers as for any rejection); the
 * worker is replaced on demand. Same answers as readPackage in-thread.
 */
import { BoundedWorkerPool, WorkerPoolClosed, workerScript as findScript, type WorkerFailure } from '../../util/bounded-worker-pool';
import type { EdxmlLimits } from '../../../shared/domain/edxml/limits';
import type { PackageRejection } from '../../../shared/domain/edxml/rejection';
import type { ReadOutcome } from './edxml-api';
import type { ReadMessage } from './read-worker-main';

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

/** The worker script: the built entry beside the bundle (or one folder up from a chunk), else the source entry. */
function workerScript(): URL {
  return findScript(import.meta.url, ['./edxml-worker.js', './edxml-worker.mjs', '../edxml-worker.js', '../edxml-worker.mjs', './read-worker-entry.mjs'], 'đọc gói edXML');
}

const overrun = (reason: string): PackageRejection => ({
  kind: 'rejected',
  code: 'UNREADABLE',
  reason: `Gói tin vượt giới hạn đọc an toàn: ${reason}.`,
  sender: null,
  responseFor: null,
  packageKind: null,
});

function failed(why: WorkerFailure): PackageRejection {
  switch (why.kind) {
    case 'timeout': return overrun(`đọc một gói quá ${why.seconds} giây`);
    case 'memory': return overrun(`vượt quá ${why.megabytes} MB bộ nhớ`);
    case 'error': return overrun(`luồng đọc gặp lỗi (${why.message})`);
    case 'exit': return overrun('luồng đọc dừng bất thường');
    case 'answer': return overrun(`lỗi khi đọc (${why.message})`);
  }
}

/** Reads packages in a worker thread. `close()` when done (idle workers never keep the process alive). */
export class EdxmlReader {
  private readonly options: EdxmlReaderOptions;
  private readonly pool: BoundedWorkerPool<Omit<ReadMessage, 'id'>, ReadOutcome>;
  private closed = false;

  constructor(options: EdxmlReaderOptions) {
    this.options = options;
    // One worker: packages are read one at a time (the reader streams, so it needs little heap).
    this.pool = new BoundedWorkerPool<Omit<ReadMessage, 'id'>, ReadOutcome>({
      script: workerScript(), role: 'vanthu-edxml', size: 1,
      timeoutMs: options.timeoutMs ?? 600_000, maxMemoryMb: options.maxMemoryMb ?? 256, maxYoungMb: 32, failure: failed,
    });
  }

  /** Read the package at `path` (only opened for reading). Never rejects for a bad package. */
  read(path: string): Promise<ReadOutcome> {
    if (this.closed) return Promise.reject(new Error('[edxml] reader closed'));
    const msg: Omit<ReadMessage, 'id'> = { path, dataDir: this.options.dataDir };
    if (this.options.maxBlobBytes !== undefined) msg.maxBlobBytes = this.options.maxBlobBytes;
    if (this.options.limits) msg.limits = this.options.limits;
    return this.pool.run(msg).catch((err: unknown) => {
      if (err instanceof WorkerPoolClosed) return overrun('trình đọc đã đóng');
      throw err;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pool.close();
  }
}
