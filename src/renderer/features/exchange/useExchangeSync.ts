/**
 * Keeps Dexie in step with main's received documents while a session is open: a pass at sign-in, after every
 * `sync.status` event (the engine changed something) and every minute as a safety net; new urgent documents raise
 * a desktop notification (Art. 9.3). Returns `syncNow` for views that just decided something.
 */
import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import type { AppDB } from '../../db/db';
import { useDeps } from '../../stores/AppContext';
import { createSyncRunner, syncIncoming } from './exchange-sync';
import { notifyUrgent } from './urgent-notification';

const SAFETY_PASS_MS = 60_000;

/** One runner per database, shared by the shell and the views, so passes never overlap. */
const runners = new WeakMap<AppDB, { request(): Promise<void> }>();

function runnerFor(api: ApiClient, db: AppDB): { request(): Promise<void> } {
  let runner = runners.get(db);
  if (!runner) {
    runner = createSyncRunner(async () => {
      const result = await syncIncoming(api, db);
      notifyUrgent(result.added);
    });
    runners.set(db, runner);
  }
  return runner;
}

/** `syncNow` only (for a view that just decided something): the shell's useExchangeSync does the rest. */
export function useSyncNow(): () => Promise<void> {
  const { api, db } = useDeps();
  return useCallback(() => runnerFor(api, db).request(), [api, db]);
}

export function useExchangeSync(): { syncNow(): Promise<void> } {
  const { api, db } = useDeps();
  const runner = runnerFor(api, db);
  useEffect(() => {
    void runner.request();
    const off = api.on('sync.status', () => void runner.request());
    const timer = window.setInterval(() => void runner.request(), SAFETY_PASS_MS);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [api, runner]);
  return { syncNow: useCallback(() => runner.request(), [runner]) };
}
