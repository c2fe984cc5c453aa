/**
 * Long work (reports now; scans, sync, batch verification later) runs as a job: it reports progress through
 * `job.progress` events and can be cancelled from the UI through `jobs.cancel` (architecture.md, "Long work").
 */
import { randomUUID } from 'node:crypto';
import type { JobProgress } from '../../shared/api/events';
import { AppFailure } from '../../shared/api/result';

/** What a job's work function receives. */
export interface JobContext {
  /** Aborted when `cancel(jobId)` is called; check it between pages or batches. */
  signal: AbortSignal;
  /** Report progress; events are throttled to at most `maxEventsPerSecond`. */
  progress(done: number, total: number): void;
}

export interface JobRunner {
  /**
   * Run `work` as a job. Emits `running`, throttled progress, then `finished`, `cancelled` or `failed`.
   * A `jobId` the renderer did not choose is generated. Rejects with AppFailure CANCELLED when the job was
   * cancelled, CONFLICT when a job with the same id is still running, or with whatever `work` threw.
   */
  run<T>(jobId: string | undefined, label: string, work: (ctx: JobContext) => Promise<T>): Promise<T>;
  /** Ask a running job to stop. Returns false when no job with that id is running (the handler answers NOT_FOUND). */
  cancel(jobId: string): boolean;
}

export interface JobRunnerOptions {
  /** Milliseconds clock; injected by tests. */
  now?: () => number;
  /** Upper bound of progress events per job per second (default 10). */
  maxEventsPerSecond?: number;
}

interface RunningJob {
  controller: AbortController;
}

/** Throws AppFailure CANCELLED when the signal is aborted; call it between units of work. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppFailure('CANCELLED', 'Công việc đã bị hủy.');
}

/** Builds the runner; `emit` is the host's event sink (IPC `webContents.send` or the web host's SSE). */
export function createJobRunner(
  emit: (event: 'job.progress', payload: JobProgress) => void,
  options: JobRunnerOptions = {},
): JobRunner {
  const now = options.now ?? ((): number => Date.now());
  const minIntervalMs = 1000 / (options.maxEventsPerSecond ?? 10);
  const running = new Map<string, RunningJob>();

  const safeEmit = (payload: JobProgress): void => {
    try {
      emit('job.progress', payload);
    } catch (cause) {
      // A closed window must not fail the work itself.
      console.warn('[jobs] could not emit job.progress', cause);
    }
  };

  return {
    async run<T>(jobId: string | undefined, label: string, work: (ctx: JobContext) => Promise<T>): Promise<T> {
      const id = jobId ?? `job-${randomUUID()}`;
      if (running.has(id)) throw new AppFailure('CONFLICT', `Công việc ${id} đang chạy.`);
      const controller = new AbortController();
      running.set(id, { controller });

      let done = 0;
      let total = 0;
      let lastEmitAt = now();
      let trailing: ReturnType<typeof setTimeout> | undefined;
      const snapshot = (state: JobProgress['state']): JobProgress => ({ jobId: id, label, done, total, state });
      const flush = (): void => {
        trailing = undefined;
        lastEmitAt = now();
        safeEmit(snapshot('running'));
      };

      safeEmit(snapshot('running'));
      const ctx: JobContext = {
        signal: controller.signal,
        progress(nextDone, nextTotal) {
          done = nextDone;
          total = nextTotal;
          if (controller.signal.aborted) return;
          const wait = lastEmitAt + minIntervalMs - now();
          if (wait <= 0) {
            if (trailing !== undefined) clearTimeout(trailing);
            flush();
          } else if (trailing === undefined) {
            // Keep the last value: the bar must not stay behind when updates stop inside the interval.
            trailing = setTimeout(flush, wait);
          }
        },
      };

      try {
        const value = await work(ctx);
        // Work that finished after a cancel request still counts as cancelled: the caller was told so.
        throwIfCancelled(controller.signal);
        if (total === 0) total = done;
        safeEmit({ ...snapshot('finished'), done: total });
        return value;
      } catch (cause) {
        if (controller.signal.aborted) {
          safeEmit(snapshot('cancelled'));
          throw cause instanceof AppFailure && cause.code === 'CANCELLED'
            ? cause
            : new AppFailure('CANCELLED', 'Công việc đã bị hủy.');
        }
        safeEmit(snapshot('failed'));
        throw cause;
      } finally {
        if (trailing !== undefined) clearTimeout(trailing);
        running.delete(id);
      }
    },

    cancel(jobId) {
      const job = running.get(jobId);
      if (job === undefined) return false;
      job.controller.abort();
      return true;
    },
  };
}
