/**
 * The sync engine (issue 8, architecture.md "Durable data and no loss"): runs in main whether or not a window is
 * open, moves packages between the axis and the spools, and reports online/offline, queue lengths and the last
 * error (`sync.status`). One cycle:
 *   1. finish what a crash interrupted: stored-but-unacknowledged packages are inspected and acknowledged;
 *   2. send every due outgoing package (spooled before the first attempt; back-off with jitter after a failure;
 *      the axis' acceptance time is the legal sending time, Art. 10.5);
 *   3. for each kind (edoc, status): list the inbox, download each new package into the spool (durable before
 *      `done`, §2.3), inspect it, then acknowledge `done` — or quarantine it and acknowledge `fail`.
 * A network failure ends the cycle (offline) and the next one is planned with back-off; nothing is lost, the queue
 * drains when the link returns. Work happens one package at a time, streamed, so memory stays bounded.
 */
import { AppFailure } from '../../../shared/api/result';
import type { SyncStatus } from '../../../shared/api/exchange-schemas';
import type { AxisClient, AxisInboxEntry, AxisMessageType } from '../axis/axis-client';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../spool/backoff';
import type { IncomingItem, IncomingSpool, PackageInspection } from '../spool/incoming-spool';
import type { EnqueueInput, OutgoingItem, OutgoingSpool } from '../spool/outgoing-spool';

/** What the edXML reader says about a stored package: its facts, or why it cannot be taken (Vietnamese). */
export type InspectOutcome = PackageInspection | { rejected: string };

export interface SyncHooks {
  /** Read the stored package (path of the spool file). Default: accepted as an edoc without a DocumentId. */
  inspect?(path: string, item: IncomingItem): Promise<InspectOutcome>;
  /** Called once a package is acknowledged and waits for the clerk (the incoming flow: status 01, verify, 03). */
  onReady?(item: IncomingItem): Promise<void>;
  /** Called once an outgoing package was accepted by the axis. */
  onSent?(item: OutgoingItem): Promise<void>;
}

export interface SyncEngineOptions {
  incoming: IncomingSpool;
  outgoing: OutgoingSpool;
  /** The configured client; throws AXIS_NOT_CONFIGURED when settings are incomplete. Called every cycle. */
  client(): Promise<AxisClient>;
  hooks?: SyncHooks;
  onStatus?(status: SyncStatus): void;
  /** Between two polls while online (a function when a setting can change it). Default 60 s. */
  pollIntervalMs?: number | (() => number);
  backoff?: BackoffPolicy;
  random?: () => number;
  maxPackageBytes: number;
  now?: () => Date;
  log?: Pick<Console, 'warn' | 'error'>;
  /** Start paused (the status says so). */
  paused?: boolean;
}

export interface SyncEngine {
  /** Recover the spools and start the loop. */
  start(): Promise<void>;
  /** Stop the loop and wait for the running cycle. */
  stop(): Promise<void>;
  pause(): SyncStatus;
  resume(): SyncStatus;
  /** Run a cycle now (or wait for the running one and run another); answers the status after it. */
  syncNow(): Promise<SyncStatus>;
  status(): SyncStatus;
  /** Spool a package for sending; the loop sends it. */
  enqueue(input: EnqueueInput): Promise<OutgoingItem>;
  /** The renderer took an item from the spool. */
  confirmIngested(id: string): Promise<IncomingItem>;
  /** The spools, for listing (read-only use). */
  readonly incoming: IncomingSpool;
  readonly outgoing: OutgoingSpool;
}

const KINDS: AxisMessageType[] = ['edoc', 'status'];

const describe = (cause: unknown): { code: string; message: string } =>
  cause instanceof AppFailure ? { code: cause.code, message: cause.message } : { code: 'INTERNAL', message: 'Lỗi nội bộ khi đồng bộ với Trục liên thông.' };

const isNetwork = (cause: unknown): boolean => cause instanceof AppFailure && (cause.code === 'AXIS_UNREACHABLE' || cause.code === 'AXIS_NOT_CONFIGURED');

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { incoming, outgoing } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  const hooks = options.hooks ?? {};
  const poll = (): number => (typeof options.pollIntervalMs === 'function' ? options.pollIntervalMs() : (options.pollIntervalMs ?? 60_000));
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const random = options.random ?? Math.random;
  let paused = options.paused ?? false;
  let online: boolean | null = null;
  let configured = true;
  let lastError: SyncStatus['lastError'] = null;
  let lastSyncAt: string | null = null;
  let nextAttemptAt: string | null = null;
  let failures = 0;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;
  let lastEmitted = '';
  /**
   * Packages this run could not take (larger than the spool bound, download refused): not downloaded again until
   * the next launch, so one oversized package does not eat the link; they stay in the axis inbox (not lost).
   */
  const refused = new Map<string, string>();
  /** Set by start(): calls that need the spools loaded wait for it. */
  let started: Promise<void> | null = null;

  const status = (): SyncStatus => ({
    online,
    paused,
    configured,
    incomingStored: incoming.count('stored'),
    incomingReady: incoming.count('ready'),
    quarantined: incoming.count('quarantine'),
    outgoingPending: outgoing.count('pending'),
    outgoingSent: outgoing.count('sent'),
    lastError,
    lastSyncAt,
    nextAttemptAt,
    refused: refused.size,
  });
  const emit = (): void => {
    const s = status();
    const key = JSON.stringify(s);
    if (key === lastEmitted) return;
    lastEmitted = key;
    options.onStatus?.(s);
  };
  const noteError = (cause: unknown): void => {
    lastError = { ...describe(cause), at: now().toISOString() };
  };
  const reached = (): void => {
    online = true;
    configured = true;
    failures = 0;
    lastSyncAt = now().toISOString();
  };

  /** Read failures per item this run: an I/O error is retried, a package that keeps failing is quarantined. */
  const readFailures = new Map<string, number>();
  const MAX_READ_FAILURES = 3;

  async function inspect(item: IncomingItem): Promise<InspectOutcome> {
    if (!hooks.inspect) return { kind: item.messageType, documentId: null };
    try {
      const outcome = await hooks.inspect(incoming.packagePath(item.id), item);
      readFailures.delete(item.id);
      return outcome;
    } catch (cause) {
      const n = (readFailures.get(item.id) ?? 0) + 1;
      readFailures.set(item.id, n);
      log.warn(`[sync] package ${item.id} could not be read (attempt ${n})`, cause);
      // The reader answers a bad package with a rejection; a throw is I/O trouble: try again in a later cycle.
      const transient = !(cause instanceof AppFailure) || cause.code === 'INTERNAL';
      if (transient && n < MAX_READ_FAILURES) throw new AppFailure('INTERNAL', 'Không đọc được gói tin đã lưu; sẽ thử lại.', { id: item.id });
      return { rejected: cause instanceof AppFailure && cause.code !== 'INTERNAL' ? cause.message : 'Không đọc được gói tin (lỗi lặp lại khi đọc).' };
    }
  }

  /** Inspect a stored item, then acknowledge it (done / fail) and move it on. Errors propagate (network). */
  async function settle(client: AxisClient, item: IncomingItem): Promise<void> {
    const outcome = item.inspection ? item.inspection : await inspect(item);
    const docIds = item.axisDocIds;
    if ('rejected' in outcome) {
      for (const d of docIds) await client.acknowledge(d, 'fail');
      reached();
      await incoming.quarantine(item.id, outcome.rejected);
      return;
    }
    if (!item.inspection) item = await incoming.setInspection(item.id, outcome);
    for (const d of docIds) await client.acknowledge(d, 'done');
    reached();
    const ready = await incoming.markAcknowledged(item.id);
    emit();
    if (hooks.onReady) await hooks.onReady(ready).catch((cause: unknown) => log.error('[sync] incoming hook failed', cause));
  }

  async function receive(client: AxisClient, entry: AxisInboxEntry): Promise<void> {
    if (refused.has(entry.docId)) return;
    const known = incoming.byAxisDocId(entry.docId);
    if (known) {
      // Listed again: our acknowledgement was lost (crash, or the link dropped after the axis took it).
      if (known.state === 'stored') return settle(client, known);
      await client.acknowledge(entry.docId, known.state === 'quarantine' ? 'fail' : 'done');
      reached();
      return;
    }
    const stream = await client.getPackage(entry.docId, options.maxPackageBytes);
    const { item, duplicate } = await incoming.store({ axisDocId: entry.docId, messageType: entry.messageType, from: entry.from, chunks: stream });
    reached();
    emit();
    if (duplicate && item.state !== 'stored') {
      await client.acknowledge(entry.docId, item.state === 'quarantine' ? 'fail' : 'done');
      return;
    }
    await settle(client, item);
  }

  async function sendDue(client: AxisClient): Promise<void> {
    for (const item of outgoing.due(now())) {
      if (stopped || paused) return;
      try {
        const receipt = await client.send({ file: outgoing.packagePath(item.id), size: item.size, sha256: item.sha256, messageType: item.messageType, from: item.from, to: item.to });
        reached();
        const sent = await outgoing.markSent(item.id, receipt);
        emit();
        if (hooks.onSent) await hooks.onSent(sent).catch((cause: unknown) => log.error('[sync] sent hook failed', cause));
      } catch (cause) {
        const next = new Date(now().getTime() + backoffDelay(item.attempts + 1, policy, random));
        await outgoing.recordFailure(item.id, describe(cause), next);
        noteError(cause);
        emit();
        if (isNetwork(cause)) throw cause;
        // Refused by the axis (bad receiver, invalid package): kept and retried later; the others go on.
      }
    }
  }

  async function cycle(): Promise<void> {
    let client: AxisClient;
    try {
      client = await options.client();
    } catch (cause) {
      configured = !(cause instanceof AppFailure && cause.code === 'AXIS_NOT_CONFIGURED');
      online = configured ? false : null;
      noteError(cause);
      throw cause;
    }
    configured = true;
    for (const item of incoming.list('stored')) {
      if (stopped || paused) return;
      await settle(client, item);
    }
    await sendDue(client);
    for (const kind of KINDS) {
      if (stopped || paused) return;
      const entries = await client.listInbox(kind);
      reached();
      for (const entry of entries) {
        if (stopped || paused) return;
        try {
          await receive(client, entry);
        } catch (cause) {
          if (isNetwork(cause) || (cause instanceof AppFailure && cause.code === 'INTERNAL')) throw cause;
          // This package could not be taken (too large, refused download): say so, keep going with the others.
          noteError(cause);
          refused.set(entry.docId, describe(cause).message);
          log.warn(`[sync] package ${entry.docId} not taken: ${describe(cause).message}`);
        }
      }
    }
    if (lastError && online) lastError = lastError.code === 'AXIS_UNREACHABLE' ? null : lastError;
  }

  function plan(ok: boolean): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    if (paused) {
      nextAttemptAt = null;
      emit();
      return;
    }
    let delay = ok ? poll() : backoffDelay(failures, policy, random);
    const due = outgoing.nextDue();
    if (ok && due) delay = Math.min(delay, Math.max(0, due.getTime() - now().getTime()));
    nextAttemptAt = new Date(now().getTime() + delay).toISOString();
    emit();
    timer = setTimeout(() => void kick(), delay);
    timer.unref?.();
  }

  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    if (stopped) return Promise.resolve();
    if (timer) clearTimeout(timer);
    nextAttemptAt = null;
    let ok = true;
    const run = async (): Promise<void> => {
      do {
        again = false;
        if (paused) break;
        try {
          await cycle();
        } catch (cause) {
          ok = false;
          failures += 1;
          if (configured) online = false;
          noteError(cause);
          if (!isNetwork(cause)) log.error('[sync] cycle failed', cause);
        }
      } while (again && ok && !stopped);
    };
    // `finally` runs after the assignment even when the body finishes synchronously (paused).
    running = run().finally(() => {
      running = null;
      plan(ok);
    });
    return running;
  }

  return {
    start() {
      started ??= (async () => {
        await incoming.init();
        await outgoing.init();
        stopped = false;
        emit();
        void kick();
      })();
      return started;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    pause() {
      paused = true;
      if (timer) clearTimeout(timer);
      nextAttemptAt = null;
      emit();
      return status();
    },
    resume() {
      paused = false;
      failures = 0;
      void kick();
      emit();
      return status();
    },
    async syncNow() {
      await started;
      if (running) {
        again = true;
        await running;
      }
      await kick();
      return status();
    },
    status,
    incoming,
    outgoing,
    async enqueue(input) {
      await started;
      const item = await outgoing.enqueue(input);
      emit();
      void kick();
      return item;
    },
    async confirmIngested(id) {
      await started;
      const item = await incoming.confirmIngested(id);
      emit();
      return item;
    },
  };
}
