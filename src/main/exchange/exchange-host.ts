/**
 * The exchange services of one data directory (issue 8), built once per launch by host/compose.ts: axis settings
 * and secret, the spools, the sync engine (started at launch, so it runs whether or not a window is open) and the
 * agency directory. The handlers of exchange-contract.ts call these methods; nothing here knows the transport.
 */
import { join } from 'node:path';
import { AppFailure } from '../../shared/api/result';
import type {
  AgencySearchResult,
  AxisSettingsView,
  IncomingSpoolEntry,
  OutgoingSpoolEntry,
  SendRequest,
  SyncStatus,
} from '../../shared/api/exchange-schemas';
import { MAX_FILE_BYTES } from '../../shared/api/limits';
import type { BlobStore } from '../storage/blob-store';
import type { SecretStore } from '../storage/secret-store';
import { createAxisClient } from './axis/create-axis-client';
import { createAxisSettingsStore, type AxisSettingsStore } from './settings/axis-settings';
import { createIncomingSpool, type IncomingItem, type IncomingState } from './spool/incoming-spool';
import { createOutgoingSpool, type OutgoingItem, type OutgoingState } from './spool/outgoing-spool';
import { createAgencyDirectory, type AgencyDirectory } from './sync/agency-directory';
import { createSyncEngine, type SyncEngine, type SyncHooks } from './sync/sync-engine';

/** Upper bound of one package in the spools: the largest file plus base64 and XML overhead. */
export const MAX_PACKAGE_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 16 * 1024 * 1024;
/** The directory is refetched when older than this and the axis is reachable. */
const DIRECTORY_MAX_AGE_MS = 24 * 3_600_000;

export interface ExchangeHostOptions {
  dataDir: string;
  blobs: BlobStore;
  secrets: SecretStore;
  /** Our agency code (settings.unitCode), the `from` of what we send. */
  unitCode(): Promise<string>;
  onStatus(status: SyncStatus): void;
  /** The incoming flow (edXML inspection, status 01/03) plugs in here. */
  hooks?: SyncHooks;
  log?: Pick<Console, 'warn' | 'error'>;
}

export interface ExchangeHost {
  readonly engine: SyncEngine;
  readonly settings: AxisSettingsStore;
  readonly directory: AgencyDirectory;
  start(): Promise<void>;
  stop(): Promise<void>;
  listIncoming(state?: IncomingState): IncomingSpoolEntry[];
  confirmIngested(id: string): Promise<IncomingSpoolEntry>;
  listOutgoing(state?: OutgoingState): OutgoingSpoolEntry[];
  /** Spool a built package for the receivers; warnings name retired/replaced/unknown codes. Errors: NOT_FOUND, VALIDATION. */
  send(request: SendRequest): Promise<{ item: OutgoingSpoolEntry; warnings: string[] }>;
  searchAgencies(query: string, limit?: number): Promise<AgencySearchResult>;
  refreshAgencies(): Promise<{ count: number; fetchedAt: string }>;
  getSettings(): Promise<AxisSettingsView>;
  updateSettings(patch: unknown): Promise<AxisSettingsView>;
}

export const toIncomingEntry = (i: IncomingItem): IncomingSpoolEntry => ({
  id: i.id,
  state: i.state,
  messageType: i.messageType,
  from: i.from,
  receivedAt: i.receivedAt,
  ackedAt: i.ackedAt,
  size: i.size,
  documentId: i.inspection?.documentId ?? null,
  duplicateOf: i.duplicateOf,
  reason: i.reason,
  summary: i.inspection?.summary ?? null,
});

export const toOutgoingEntry = (i: OutgoingItem): OutgoingSpoolEntry => ({
  id: i.id,
  state: i.state,
  messageType: i.messageType,
  to: i.to,
  ref: i.ref,
  enqueuedAt: i.enqueuedAt,
  attempts: i.attempts,
  nextAttemptAt: i.nextAttemptAt,
  lastError: i.lastError,
  axisDocId: i.axisDocId,
  acknowledgedAt: i.acknowledgedAt,
});

export function createExchangeHost(options: ExchangeHostOptions): ExchangeHost {
  const root = join(options.dataDir, 'exchange');
  const log = options.log ?? console;
  let pollMs = 5 * 60_000;
  let statusSeen: SyncStatus | null = null;
  const settings = createAxisSettingsStore({ dataDir: options.dataDir, secrets: options.secrets, onChange: (v) => { pollMs = v.pollMinutes * 60_000; void engine.syncNow(); } });
  const directory = createAgencyDirectory({ file: join(root, 'agencies.json') });
  const client = async () => {
    const c = await settings.connection();
    pollMs = c.pollMinutes * 60_000;
    return createAxisClient(c);
  };
  const refreshIfStale = async (): Promise<void> => {
    const at = await directory.fetchedAt();
    if (at !== null && Date.now() - Date.parse(at) < DIRECTORY_MAX_AGE_MS) return;
    await directory.refresh(await client());
  };
  const engine = createSyncEngine({
    incoming: createIncomingSpool({ dir: join(root, 'incoming'), maxPackageBytes: MAX_PACKAGE_BYTES }),
    outgoing: createOutgoingSpool({ dir: join(root, 'outgoing'), maxPackageBytes: MAX_PACKAGE_BYTES }),
    client,
    hooks: options.hooks,
    pollIntervalMs: () => pollMs,
    maxPackageBytes: MAX_PACKAGE_BYTES,
    log,
    onStatus: (s) => {
      // Coming online (or first contact): refresh a stale directory in the background.
      if (s.online === true && statusSeen?.online !== true) refreshIfStale().catch((cause: unknown) => log.warn('[exchange] agency directory not refreshed', cause));
      statusSeen = s;
      options.onStatus(s);
    },
  });

  return {
    engine,
    settings,
    directory,
    start: () => engine.start(),
    stop: () => engine.stop(),
    listIncoming: (state) => (state ? engine.incoming.list(state) : (['stored', 'ready', 'quarantine'] as const).flatMap((s) => engine.incoming.list(s))).map(toIncomingEntry),
    confirmIngested: async (id) => toIncomingEntry(await engine.confirmIngested(id)),
    listOutgoing: (state) => (state ? engine.outgoing.list(state) : (['pending', 'sent'] as const).flatMap((s) => engine.outgoing.list(s))).map(toOutgoingEntry),
    async send(request) {
      const blob = await options.blobs.get(request.packageSha256);
      if (blob.size === 0) throw new AppFailure('EMPTY_FILE', 'Gói tin gửi đi rỗng.');
      const warnings: string[] = [];
      for (const code of request.to) {
        const entry = await directory.lookup(code);
        if (entry === null) warnings.push(`Mã ${code} không có trong danh mục cơ quan đã tải từ Trục liên thông.`);
        else if (entry.warning) warnings.push(entry.warning);
      }
      const item = await engine.enqueue({ source: blob.bytes, messageType: request.messageType, from: await options.unitCode(), to: request.to, ref: request.ref ?? null });
      return { item: toOutgoingEntry(item), warnings };
    },
    searchAgencies: (query, limit) => directory.search(query, limit),
    refreshAgencies: async () => directory.refresh(await client()),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
  };
}
