/**
 * zod schemas and answer types of the exchange channels (issue 8: axis client, spool, sync engine, agency
 * directory). Requests are parsed with these in main before any handler runs (house rule 5).
 */
import { z } from 'zod';
import { Sha256Hex } from './schemas';

export const AxisHeaderStyle = z.enum(['xroad-vnpt', 'lang-son']);
export type AxisHeaderStyleValue = z.infer<typeof AxisHeaderStyle>;

/** Connection settings of the axis; the secret is write-only (never answered back). */
export const AxisSettingsPatch = z
  .object({
    /** Base URL of the axis (https:// in production; http:// only for a loopback test axis). */
    endpoint: z.string().trim().min(1).max(2048).nullable().optional(),
    systemId: z.string().trim().min(1).max(200).nullable().optional(),
    headerStyle: AxisHeaderStyle.optional(),
    /** Absolute path of a PEM file with the CA of a provincial axis; null = system trust only. */
    caFile: z.string().trim().min(1).max(1000).nullable().optional(),
    /** New secret (kept through the SecretStore); null forgets it. */
    secret: z.string().min(1).max(1000).nullable().optional(),
    /** Minutes between two polls of the inbox (1–60). */
    pollMinutes: z.number().int().min(1).max(60).optional(),
  })
  .strict();
export type AxisSettingsPatch = z.infer<typeof AxisSettingsPatch>;

export interface AxisSettingsView {
  endpoint: string | null;
  systemId: string | null;
  headerStyle: AxisHeaderStyleValue;
  caFile: string | null;
  hasSecret: boolean;
  pollMinutes: number;
}

/** What the status bar shows; pushed as the `sync.status` event whenever it changes. */
export interface SyncStatus {
  /** true after the last exchange with the axis succeeded, false after it failed, null before any / not configured. */
  online: boolean | null;
  paused: boolean;
  configured: boolean;
  /** Packages stored but not yet acknowledged to the axis. */
  incomingStored: number;
  /** Packages waiting for the clerk (acknowledged, not yet ingested). */
  incomingReady: number;
  quarantined: number;
  /** Packages waiting to be (re)sent. */
  outgoingPending: number;
  outgoingSent: number;
  lastError: { code: string; message: string; at: string } | null;
  /** Last cycle that reached the axis, ISO 8601. */
  lastSyncAt: string | null;
  /** When the next attempt is planned, ISO 8601 (null while a cycle runs or when paused). */
  nextAttemptAt: string | null;
  /** Packages left in the axis inbox this run because they could not be taken (reason in lastError). */
  refused: number;
}

export const SpoolItemRef = z.object({ id: Sha256Hex }).strict();

export const AgencyCode = z.string().trim().min(1).max(35).regex(/^[0-9A-Za-z.\-_]+$/, 'agency code');

export const SendRequest = z
  .object({
    /** The built .edxml package, already in the blob store. */
    packageSha256: Sha256Hex,
    messageType: z.enum(['edoc', 'status']),
    to: z.array(AgencyCode).min(1).max(500),
    /** The caller's reference (outbox entry), echoed in lists. */
    ref: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type SendRequest = z.infer<typeof SendRequest>;

export const AgencySearch = z
  .object({
    query: z.string().max(200),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export interface AgencyEntry {
  code102: string;
  codeQd20: string;
  name: string;
  parentId: string | null;
  /** Retired code this agency was known by. */
  oldCode: string | null;
  deleted: boolean;
  /** Vietnamese warning (code retired / replaced / unit deleted), null when the code is current. */
  warning: string | null;
  /** The current code when this entry's code was replaced. */
  replacedBy: string | null;
}

export interface AgencySearchResult {
  entries: AgencyEntry[];
  total: number;
  /** When the cached directory was fetched from the axis (ISO), null when there is none yet. */
  fetchedAt: string | null;
}

export interface IncomingSpoolEntry {
  id: string;
  state: 'stored' | 'ready' | 'ingested' | 'quarantine';
  messageType: 'edoc' | 'status';
  from: string;
  receivedAt: string;
  ackedAt: string | null;
  size: number;
  documentId: string | null;
  duplicateOf: string | null;
  reason: string | null;
  summary: Record<string, string | number | boolean | null> | null;
}

export interface OutgoingSpoolEntry {
  id: string;
  state: 'pending' | 'sent';
  messageType: 'edoc' | 'status';
  to: string[];
  ref: string | null;
  enqueuedAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: { code: string; message: string; at: string } | null;
  axisDocId: string | null;
  /** Legal sending time (Art. 10.5). */
  acknowledgedAt: string | null;
}
