import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, throwIfCancelled } from '../../../../src/main/jobs/job-runner';
import type { JobProgress } from '../../../../src/shared/api/events';
import { AppFailure } from '../../../../src/shared/api/result';

function recorder() {
  const events: JobProgress[] = [];
  const emit = (event: 'job.progress', payload: JobProgress): void => {
    expect(event).toBe('job.progress');
    events.push(payload);
  };
  return { events, emit };
}

/** A promise the test resolves by hand, so a job can be held in the middle of its work. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('createJobRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits running then finished and returns the value of the work', async () => {
    const { events, emit } = recorder();
    const jobs = createJobRunner(emit);
    const value = await jobs.run('job-aaaa-0001', 'In sổ', async (ctx) => {
      ctx.progress(5, 5);
      return 42;
    });
    expect(value).toBe(42);
    expect(events[0]).toEqual({ jobId: 'job-aaaa-0001', label: 'In sổ', done: 0, total: 0, state: 'running' });
    expect(events.at(-1)).toEqual({ jobId: 'job-aaaa-0001', label: 'In sổ', done: 5, total: 5, state: 'finished' });
  });

  it('generates a job id when the caller gives none', async () => {
    const { events, emit } = recorder();
    const jobs = createJobRunner(emit);
    await jobs.run(undefined, 'Xuất Excel', async () => 'ok');
    expect(events[0]?.jobId).toMatch(/^job-[0-9a-f-]{36}$/);
    expect(new Set(events.map((e) => e.jobId)).size).toBe(1);
  });

  it('throttles progress to at most 10 events a second and still delivers the last value', async () => {
    const { events, emit } = recorder();
    const jobs = createJobRunner(emit);
    const hold = gate();
    const promise = jobs.run('job-throttle-01', 'In sổ', async (ctx) => {
      for (let i = 1; i <= 1000; i++) {
        ctx.progress(i, 1000);
        vi.advanceTimersByTime(1); // 1000 updates spread over one second
      }
      await hold.opened;
      return null;
    });
    const runningEvents = events.filter((e) => e.state === 'running');
    // One start event plus at most ten progress events in the second.
    expect(runningEvents.length).toBeLessThanOrEqual(11);
    expect(runningEvents.length).toBeGreaterThanOrEqual(9);
    vi.advanceTimersByTime(200);
    expect(events.at(-1)).toMatchObject({ done: 1000, total: 1000, state: 'running' });
    hold.open();
    await promise;
    expect(events.at(-1)?.state).toBe('finished');
  });

  it('cancel() aborts the signal and the job rejects with CANCELLED and emits cancelled', async () => {
    const { events, emit } = recorder();
    const jobs = createJobRunner(emit);
    const hold = gate();
    const promise = jobs.run('job-cancel-001', 'In sổ', async (ctx) => {
      ctx.progress(1, 10);
      await hold.opened;
      throwIfCancelled(ctx.signal);
      return 'not reached';
    });
    expect(jobs.cancel('job-cancel-001')).toBe(true);
    hold.open();
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('CANCELLED');
    expect(events.at(-1)).toMatchObject({ jobId: 'job-cancel-001', state: 'cancelled', done: 1, total: 10 });
  });

  it('a job that ignores the signal but was cancelled still answers CANCELLED', async () => {
    const { events, emit } = recorder();
    const jobs = createJobRunner(emit);
    const hold = gate();
    const promise = jobs.run('job-ignores-01', 'In sổ', async () => {
      await hold.opened;
      return 'done anyway';
    });
    jobs.cancel('job-ignores-01');
    hold.open();
    await expect(promise).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(events.at(-1)?.state).toBe('cancelled');
  });

  it('cancel() of an unknown or finished job returns false', async () => {
    const jobs = createJobRunner(recorder().emit);
    expect(jobs.cancel('job-unknown-01')).toBe(false);
    await jobs.run('job-finished-1', 'In sổ', async () => 1);
    expect(jobs.cancel('job-finished-1')).toBe(false);
  });

  it('a failing job emits failed and rethrows the original error', async () => {
    const { events, emit } = recorder();
    const jobs = createJobRunner(emit);
    const boom = new Error('disk full');
    await expect(
      jobs.run('job-failing-01', 'In sổ', async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(events.at(-1)).toMatchObject({ state: 'failed' });
    // The id is free again.
    expect(jobs.cancel('job-failing-01')).toBe(false);
  });

  it('refuses a second job with the id of a running one (CONFLICT) and leaves the first alone', async () => {
    const jobs = createJobRunner(recorder().emit);
    const hold = gate();
    const first = jobs.run('job-same-id-01', 'In sổ', async () => {
      await hold.opened;
      return 'first';
    });
    await expect(jobs.run('job-same-id-01', 'In sổ', async () => 'second')).rejects.toMatchObject({ code: 'CONFLICT' });
    hold.open();
    await expect(first).resolves.toBe('first');
  });

  it('keeps working when the event sink throws (window closed)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const jobs = createJobRunner(() => {
      throw new Error('window destroyed');
    });
    await expect(jobs.run('job-no-window1', 'In sổ', async () => 'ok')).resolves.toBe('ok');
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('throwIfCancelled passes on a live signal and throws CANCELLED on an aborted one', () => {
    const controller = new AbortController();
    expect(() => throwIfCancelled(controller.signal)).not.toThrow();
    controller.abort();
    expect(() => throwIfCancelled(controller.signal)).toThrowError(AppFailure);
  });
});
