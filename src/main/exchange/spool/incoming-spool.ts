/**
 * The incoming spool (architecture.md "Durable data and no loss"; standards.md §2.3). Every package fetched from
 * the axis is written here (tmp/ → fsync → rename → dir fsync) BEFORE `done` is sent, then moves on by renames:
 *   stored/     on disk, not yet acknowledged to the axis (acknowledged again after a crash: harmless)
 *   ready/      acknowledged; waiting for the renderer to ingest it (register / return / decide)
 *   ingested/   the renderer confirmed it took the item; kept as the evidence of what arrived
 *   quarantine/ the package could not be read (kept with the reason, never dropped; acknowledged `fail`)
 * Items are keyed by the package's SHA-256, so a re-delivery of the same bytes (under the same or another axis
 * docId) is recognised without a second copy; the edXML DocumentId of an inspected package marks later packages
 * carrying the same document as duplicates for the renderer to warn about.
 */
import { join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import type { AxisMessageType } from '../axis/axis-client';
import { ensureDirs, listIds, moveItem, PACKAGE_FILE, readMeta, recoverDirs, rewriteMeta, startItem } from './spool-dirs';

export const INCOMING_STATES = ['stored', 'ready', 'ingested', 'quarantine'] as const;
export type IncomingState = (typeof INCOMING_STATES)[number];

/** What an inspection of a stored package found (the edXML reader, injected into the engine). */
export interface PackageInspection {
  kind: 'edoc' | 'status';
  /** The edXML DocumentId (opaque), for duplicate warnings; null when the package has none. */
  documentId: string | null;
  /** Header facts for the list view (sender, code, subject, urgency …); free-form, small. */
  summary?: Record<string, string | number | boolean | null>;
}

export interface IncomingMeta {
  id: string;
  sha256: string;
  size: number;
  /** Axis docIds this package was delivered under (the first one, then re-deliveries seen before the ack). */
  axisDocIds: string[];
  messageType: AxisMessageType;
  /** Sender code as the inbox list gave it. */
  from: string;
  /** When the package entered the software: the legal receipt instant (Art. 10.5), ISO 8601. */
  receivedAt: string;
  ackedAt: string | null;
  ingestedAt: string | null;
  inspection: PackageInspection | null;
  /** Id of an earlier item carrying the same DocumentId (a duplicate to warn about). */
  duplicateOf: string | null;
  /** Vietnamese reason why the package is in quarantine. */
  reason: string | null;
}

export interface IncomingItem extends IncomingMeta {
  state: IncomingState;
}

export interface IncomingSpool {
  /** Create the folders, clean tmp/ and load the index. Call once before anything else. */
  init(): Promise<{ removed: number }>;
  /** The item an axis docId was stored as, if any (so a re-listed docId is not downloaded again). */
  byAxisDocId(docId: string): IncomingItem | null;
  /**
   * Store a downloaded package durably; answers the item and whether its bytes were already spooled (then the
   * new copy is discarded and the docId is added to the existing item). Errors: TOO_LARGE, AXIS_UNREACHABLE
   * (the stream failed), INTERNAL (disk); nothing is left behind on error.
   */
  store(input: { axisDocId: string; messageType: AxisMessageType; from: string; chunks: AsyncIterable<Uint8Array> }): Promise<{ item: IncomingItem; duplicate: boolean }>;
  /** Record what the edXML reader found; marks a duplicate DocumentId. */
  setInspection(id: string, inspection: PackageInspection): Promise<IncomingItem>;
  /** stored → ready, after the axis accepted `done`. */
  markAcknowledged(id: string): Promise<IncomingItem>;
  /** stored → quarantine with a Vietnamese reason. */
  quarantine(id: string, reason: string): Promise<IncomingItem>;
  /** ready → ingested (the renderer has it). Idempotent: confirming an ingested item answers it. Errors: NOT_FOUND, CONFLICT (not ready). */
  confirmIngested(id: string): Promise<IncomingItem>;
  get(id: string): IncomingItem | null;
  list(state: IncomingState): IncomingItem[];
  count(state: IncomingState): number;
  /** Absolute path of the package file of an item. */
  packagePath(id: string): string;
}

export interface IncomingSpoolOptions {
  /** `<dataDir>/exchange/incoming` */
  dir: string;
  maxPackageBytes: number;
  now?: () => Date;
}

export function createIncomingSpool(options: IncomingSpoolOptions): IncomingSpool {
  const root = options.dir;
  const now = options.now ?? (() => new Date());
  const items = new Map<string, IncomingItem>();
  const byDocId = new Map<string, string>();
  const byDocumentId = new Map<string, string>();

  const index = (item: IncomingItem): IncomingItem => {
    items.set(item.id, item);
    for (const d of item.axisDocIds) byDocId.set(d, item.id);
    const documentId = item.inspection?.documentId;
    if (documentId && item.state !== 'quarantine' && !byDocumentId.has(documentId)) byDocumentId.set(documentId, item.id);
    return item;
  };
  const must = (id: string): IncomingItem => {
    const item = items.get(id);
    if (!item) throw new AppFailure('NOT_FOUND', 'Không tìm thấy gói tin trong hàng đợi nhận.', { id });
    return item;
  };
  const strip = ({ state: _state, ...meta }: IncomingItem): IncomingMeta => meta;
  const update = async (item: IncomingItem, patch: Partial<IncomingMeta>): Promise<IncomingItem> => {
    const next = { ...item, ...patch };
    await rewriteMeta(root, item.state, item.id, strip(next));
    return index(next);
  };
  const move = async (item: IncomingItem, to: IncomingState, patch: Partial<IncomingMeta>): Promise<IncomingItem> => {
    const next = await update(item, patch);
    await moveItem(root, item.id, item.state, to);
    return index({ ...next, state: to });
  };

  return {
    async init() {
      await ensureDirs(root, INCOMING_STATES);
      const result = await recoverDirs(root, INCOMING_STATES);
      items.clear();
      byDocId.clear();
      byDocumentId.clear();
      for (const state of INCOMING_STATES) {
        for (const id of await listIds(root, state)) {
          const meta = await readMeta<IncomingMeta>(root, state, id);
          index({ ...meta, state });
        }
      }
      return result;
    },
    byAxisDocId(docId) {
      const id = byDocId.get(docId);
      return id === undefined ? null : (items.get(id) ?? null);
    },
    async store(input) {
      const builder = await startItem(root);
      try {
        const { size, sha256 } = await builder.writePackage(input.chunks, options.maxPackageBytes);
        const existing = items.get(sha256);
        if (existing) {
          await builder.abort();
          const known = existing.axisDocIds.includes(input.axisDocId);
          const item = known ? existing : await update(existing, { axisDocIds: [...existing.axisDocIds, input.axisDocId] });
          return { item, duplicate: true };
        }
        const meta: IncomingMeta = {
          id: sha256,
          sha256,
          size,
          axisDocIds: [input.axisDocId],
          messageType: input.messageType,
          from: input.from,
          receivedAt: now().toISOString(),
          ackedAt: null,
          ingestedAt: null,
          inspection: null,
          duplicateOf: null,
          reason: null,
        };
        await builder.writeMeta(meta);
        await builder.commit('stored', sha256);
        return { item: index({ ...meta, state: 'stored' }), duplicate: false };
      } catch (cause) {
        await builder.abort();
        throw cause;
      }
    },
    async setInspection(id, inspection) {
      const item = must(id);
      const first = inspection.documentId ? byDocumentId.get(inspection.documentId) : undefined;
      return update(item, { inspection, duplicateOf: first !== undefined && first !== id ? first : null });
    },
    async markAcknowledged(id) {
      const item = must(id);
      if (item.state !== 'stored') return item;
      return move(item, 'ready', { ackedAt: now().toISOString() });
    },
    async quarantine(id, reason) {
      const item = must(id);
      if (item.state === 'quarantine') return item;
      return move(item, 'quarantine', { reason, ackedAt: item.ackedAt ?? now().toISOString() });
    },
    async confirmIngested(id) {
      const item = must(id);
      if (item.state === 'ingested') return item;
      if (item.state !== 'ready') throw new AppFailure('CONFLICT', 'Gói tin chưa sẵn sàng để tiếp nhận (chưa báo nhận với trục hoặc bị cách ly).', { id, state: item.state });
      return move(item, 'ingested', { ingestedAt: now().toISOString() });
    },
    get: (id) => items.get(id) ?? null,
    list: (state) => [...items.values()].filter((i) => i.state === state).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id)),
    count(state) {
      let n = 0;
      for (const i of items.values()) if (i.state === state) n += 1;
      return n;
    },
    packagePath: (id) => join(root, must(id).state, id, PACKAGE_FILE),
  };
}
