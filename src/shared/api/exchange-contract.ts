/**
 * The exchange channels of issue 8 (axis settings, sync engine, spools, agency directory), spread into
 * `contract` in contract.ts; ExchangeHost (src/main/exchange/exchange-host.ts) implements each one.
 */
import { z } from 'zod';
import { Empty } from './schemas';
import {
  AgencySearch,
  AxisSettingsPatch,
  SendRequest,
  SpoolItemRef,
  type AgencySearchResult,
  type AxisSettingsView,
  type IncomingSpoolEntry,
  type OutgoingSpoolEntry,
  type SyncStatus,
} from './exchange-schemas';

interface ChannelSpec<S extends z.ZodType, R> {
  schema: S;
  /** Phantom: carries the response type; never read at run time. */
  readonly response?: R;
}

function request<S extends z.ZodType>(schema: S) {
  return { returns: <R>(): ChannelSpec<S, R> => ({ schema }) };
}

const IncomingFilter = z.object({ state: z.enum(['stored', 'ready', 'ingested', 'quarantine']).optional() }).strict();
const OutgoingFilter = z.object({ state: z.enum(['pending', 'sent']).optional() }).strict();

export const exchangeContract = {
  /** Online/offline, queue lengths, last error (also pushed as `sync.status`). Errors: none. */
  'exchange.status': request(Empty).returns<SyncStatus>(),
  /** Stop talking to the axis until resumed (queued work stays spooled). Errors: none. */
  'exchange.pause': request(Empty).returns<SyncStatus>(),
  'exchange.resume': request(Empty).returns<SyncStatus>(),
  /** Run a sync cycle now and answer the status after it. Errors: none (failures are in the status). */
  'exchange.syncNow': request(Empty).returns<SyncStatus>(),
  /** Spooled incoming packages (default: stored, ready, quarantined). Errors: none. */
  'exchange.incomingList': request(IncomingFilter).returns<IncomingSpoolEntry[]>(),
  /** The renderer ingested an item (registered, returned or decided); only then it moves on. Errors: NOT_FOUND, CONFLICT (not acknowledged yet, or quarantined). */
  'exchange.incomingConfirm': request(SpoolItemRef).returns<IncomingSpoolEntry>(),
  /** Outgoing queue and sent packages, with attempts, last error and the legal sending time (Art. 10.5). Errors: none. */
  'exchange.outgoingList': request(OutgoingFilter).returns<OutgoingSpoolEntry[]>(),
  /** Spool a built package (in the blob store) for the receivers; sent by the engine with retries. Errors: NOT_FOUND, EMPTY_FILE, VALIDATION, TOO_LARGE. */
  'exchange.send': request(SendRequest).returns<{ item: OutgoingSpoolEntry; warnings: string[] }>(),
  /** Search the cached agency directory without diacritics, with retired/replaced warnings. Errors: none. */
  'exchange.agencies': request(AgencySearch).returns<AgencySearchResult>(),
  /** Refetch the agency directory from the axis. Errors: AXIS_NOT_CONFIGURED, AXIS_UNREACHABLE, AXIS_REJECTED. */
  'exchange.agenciesRefresh': request(Empty).returns<{ count: number; fetchedAt: string }>(),
  /** Axis connection settings (the secret only as hasSecret). Errors: none. */
  'exchange.settingsGet': request(Empty).returns<AxisSettingsView>(),
  /** Change the axis settings and/or the secret. Errors: VALIDATION (URL, plain http off loopback, CA file). */
  'exchange.settingsUpdate': request(AxisSettingsPatch).returns<AxisSettingsView>(),
} as const;
