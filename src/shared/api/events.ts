/** Events main pushes to the renderer (past-tense nouns or progress names, house rule 4). */
import type { Settings } from './schemas';
import type { TokenSummary } from './signing-schemas';
import type { SyncStatus } from './exchange-schemas';

export interface JobProgress {
  jobId: string;
  /** Short Vietnamese label of the work, for the progress bar. */
  label: string;
  done: number;
  total: number;
  state: 'running' | 'finished' | 'cancelled' | 'failed';
}

export interface EventPayloads {
  'settings.changed': Settings;
  'job.progress': JobProgress;
  /** A token was inserted or removed, or its PIN state changed (main polls the driver). */
  'token.changed': { tokens: TokenSummary[] };
  /** The sync engine's state changed: online/offline, queue lengths, last error (issue 8). */
  'sync.status': SyncStatus;
}

export type EventName = keyof EventPayloads;

export const EVENT_NAMES: readonly EventName[] = ['settings.changed', 'job.progress', 'token.changed', 'sync.status'];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
