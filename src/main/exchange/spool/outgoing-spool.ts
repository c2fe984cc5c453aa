/**
 * The outgoing spool (architecture.md "Durable data and no loss"): a package is spooled here before the first
 * attempt to send it, retried with back-off until the axis accepts it, and the acceptance time is recorded as the
 * legal sending time (Art. 10.5).
 *   pending/  waiting for (another) attempt: attempts, next attempt, last error in meta.json
 *   sent/     accepted by the axis: its DocId and `acknowledgedAt`
 * The id is derived from the package hash, the kind and the receivers, so enqueueing the same send twice (the
 * renderer retrying after a crash) spools it once.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import type { AxisMessageType, AxisSendReceipt } from '../axis/axis-client';
import { ensureDirs, listIds, moveItem, PACKAGE_FILE, readMeta, recoverDirs, rewriteMeta, startItem } from './spool-dirs';

export const OUTGOING_STATES = ['pending', 'sent'] as const;
export type OutgoingState = (typeof OUTGOING_STATES)[number];

export interface OutgoingMeta {
  id: string;
  sha256: string;
  size: number;
  messageType: AxisMessageType;
  from: string;
  to: string[];
  /** The caller's reference (outbox entry id), echoed in events and lists. */
  ref: string | null;
  enqueuedAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: { code: string; message: string; at: string } | null;
  axisDocId: string | null;
  /** Legal sending time (Art. 10.5): when the axis' acceptance arrived. */
  acknowledgedAt: string | null;
}

export interface OutgoingItem extends OutgoingMeta {
  state: OutgoingState;
}

export interface EnqueueInput {
  /** The package: bytes, or a file to copy from (streamed). */
  source: Uint8Array | { file: string };
  messageType: AxisMessageType;
  from: string;
  to: string[];
  ref?: string | null;
}

export interface OutgoingSpool {
  init(): Promise<{ removed: number }>;
  /** Spool a package durably (before any attempt). Idempotent on (package, kind, receivers). Errors: VALIDATION, TOO_LARGE, INTERNAL. */
  enqueue(input: EnqueueInput): Promise<OutgoingItem>;
  /** Pending items whose next attempt is due, oldest first. */
  due(at: Date): OutgoingItem[];
  /** The earliest next attempt among pending items, or null. */
  nextDue(): Date | null;
  recordFailure(id: string, error: { code: string; message: string }, nextAttemptAt: Date): Promise<OutgoingItem>;
  /** pending → sent with the axis receipt. */
  markSent(id: string, receipt: AxisSendReceipt): Promise<OutgoingItem>;
  /** Make every pending item due now (the link came back, or the clerk asked to retry). */
  retryAllNow(): Promise<void>;
  get(id: string): OutgoingItem | null;
  list(state: OutgoingState): OutgoingItem[];
  count(state: OutgoingState): number;
  packagePath(id: string): string;
}

export interface OutgoingSpoolOptions {
  dir: string;
  maxPackageBytes: number;
  now?: () => Date;
}

const MAX_RECEIVERS = 500;

export function outgoingId(sha256: string, messageType: string, to: string[]): string {
  return createHash('sha256').update(`${sha256}\n${messageType}\n${[...to].sort().join(',')}`).digest('hex');
}

export function createOutgoingSpool(options: OutgoingSpoolOptions): OutgoingSpool {
  const root = options.dir;
  const now = options.now ?? (() => new Date());
  const items = new Map<string, OutgoingItem>();
  const must = (id: string): OutgoingItem => {
    const item = items.get(id);
    if (!item) throw new AppFailure('NOT_FOUND', 'Không tìm thấy gói tin trong hàng đợi gửi.', { id });
    return item;
  };
  const strip = ({ state: _s, ...meta }: OutgoingItem): OutgoingMeta => meta;
  const update = async (item: OutgoingItem, patch: Partial<OutgoingMeta>): Promise<OutgoingItem> => {
    const next = { ...item, ...patch };
    await rewriteMeta(root, item.state, item.id, strip(next));
    items.set(next.id, next);
    return next;
  };

  return {
    async init() {
      await ensureDirs(root, OUTGOING_STATES);
      const result = await recoverDirs(root, OUTGOING_STATES);
      items.clear();
      for (const state of OUTGOING_STATES) {
        for (const id of await listIds(root, state)) items.set(id, { ...(await readMeta<OutgoingMeta>(root, state, id)), state });
      }
      return result;
    },
    async enqueue(input) {
      const to = [...new Set(input.to.map((c) => c.trim()))].filter((c) => c !== '');
      if (to.length === 0 || to.length > MAX_RECEIVERS) throw new AppFailure('VALIDATION', 'Danh sách cơ quan nhận phải có từ 1 đến 500 mã.');
      const builder = await startItem(root);
      try {
        const chunks: AsyncIterable<Uint8Array> =
          input.source instanceof Uint8Array ? (async function* (b: Uint8Array) { yield b; })(input.source) : createReadStream(input.source.file);
        const { size, sha256 } = await builder.writePackage(chunks, options.maxPackageBytes);
        if (size === 0) throw new AppFailure('EMPTY_FILE', 'Gói tin gửi đi rỗng.');
        const id = outgoingId(sha256, input.messageType, to);
        const existing = items.get(id);
        if (existing) {
          await builder.abort();
          return existing;
        }
        const at = now().toISOString();
        const meta: OutgoingMeta = { id, sha256, size, messageType: input.messageType, from: input.from, to, ref: input.ref ?? null, enqueuedAt: at, attempts: 0, nextAttemptAt: at, lastError: null, axisDocId: null, acknowledgedAt: null };
        await builder.writeMeta(meta);
        await builder.commit('pending', id);
        const item: OutgoingItem = { ...meta, state: 'pending' };
        items.set(id, item);
        return item;
      } catch (cause) {
        await builder.abort();
        throw cause;
      }
    },
    due(at) {
      const t = at.getTime();
      return [...items.values()].filter((i) => i.state === 'pending' && Date.parse(i.nextAttemptAt) <= t).sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt) || a.id.localeCompare(b.id));
    },
    nextDue() {
      let min = Number.POSITIVE_INFINITY;
      for (const i of items.values()) if (i.state === 'pending') min = Math.min(min, Date.parse(i.nextAttemptAt));
      return Number.isFinite(min) ? new Date(min) : null;
    },
    async recordFailure(id, error, nextAttemptAt) {
      const item = must(id);
      return update(item, { attempts: item.attempts + 1, nextAttemptAt: nextAttemptAt.toISOString(), lastError: { ...error, at: now().toISOString() } });
    },
    async markSent(id, receipt) {
      const item = must(id);
      if (item.state === 'sent') return item;
      const next = await update(item, { attempts: item.attempts + 1, axisDocId: receipt.docId, acknowledgedAt: receipt.acknowledgedAt, lastError: null });
      await moveItem(root, id, 'pending', 'sent');
      const sent: OutgoingItem = { ...next, state: 'sent' };
      items.set(id, sent);
      return sent;
    },
    async retryAllNow() {
      const at = now().toISOString();
      for (const item of [...items.values()]) if (item.state === 'pending' && item.nextAttemptAt > at) await update(item, { nextAttemptAt: at });
    },
    get: (id) => items.get(id) ?? null,
    list: (state) => [...items.values()].filter((i) => i.state === state).sort((a, b) => a.enqueuedAt.localeCompare(b.enqueuedAt) || a.id.localeCompare(b.id)),
    count(state) {
      let n = 0;
      for (const i of items.values()) if (i.state === state) n += 1;
      return n;
    },
    packagePath: (id) => join(root, must(id).state, id, PACKAGE_FILE),
  };
}
