/**
 * The edXML reading worker thread (architecture.md "Security rules": untrusted packages are parsed in a worker
 * with bounds on size, time and memory, never on Electron's main thread). It answers `{id, path, dataDir,
 * limits}` with `{id, result}` (util/bounded-worker-pool.ts): the package is read by readPackage into the blob store under `dataDir` (its own
 * BlobStore instance over the same folder; content-addressed writes are atomic renames, so two writers agree).
 * Started by read-worker.ts; built as its own entry (edxml-worker.mjs / edxml-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { EdxmlLimits } from '../../../shared/domain/edxml/limits';
import { createBlobStore, type BlobStore } from '../../storage/blob-store';
import type { ReadOutcome } from './edxml-api';
import { readPackage } from './read-package';

export interface ReadMessage {
  id: number;
  path: string;
  dataDir: string;
  maxBlobBytes?: number;
  limits?: Partial<EdxmlLimits>;
}
export type ReadAnswer = { id: number; result: ReadOutcome } | { id: number; error: string } | { ready: true };

const stores = new Map<string, BlobStore>();

/** Run one request (exported for tests of the protocol without a thread). */
export async function answer(msg: ReadMessage): Promise<ReadAnswer> {
  try {
    const key = `${msg.dataDir}\u0000${msg.maxBlobBytes ?? ''}`;
    let blobs = stores.get(key);
    if (!blobs) {
      // The main thread's store owns the clean-up of stale temp files; this one must not remove its writes.
      blobs = createBlobStore({ dataDir: msg.dataDir, removeStaleTemp: false, ...(msg.maxBlobBytes ? { maxBytes: msg.maxBlobBytes } : {}) });
      stores.set(key, blobs);
    }
    return { id: msg.id, result: await readPackage(msg.path, msg.limits ? { blobs, limits: msg.limits } : { blobs }) };
  } catch (err) {
    return { id: msg.id, error: (err as Error).message };
  }
}

if (parentPort && (workerData as { role?: string } | null)?.role === 'vanthu-edxml') {
  const port = parentPort;
  port.on('message', (msg: ReadMessage) => {
    void answer(msg).then((a) => port.postMessage(a));
  });
  port.postMessage({ ready: true });
}
