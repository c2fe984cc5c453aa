/**
 * The one zustand store of the renderer, built from slices by a factory (house rule 13): a test builds a
 * fresh store with a stub api and a fake clock instead of mocking modules. It holds UI state only; records
 * are read from Dexie through useLiveQuery (house rule 12).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { registerYear } from '../../shared/domain/numbering';
import type { AppDeps } from './deps';
import { createJobsSlice, type JobsSlice } from './slices/jobs-slice';
import { createSessionSlice, type SessionSlice } from './slices/session-slice';
import { createUiSlice, type UiSlice } from './slices/ui-slice';

export type AppState = SessionSlice & UiSlice & JobsSlice;
export type AppStore = StoreApi<AppState>;

/** Builds a fresh store; `deps.now` decides the default register year and drives the idle lock. */
export function createAppStore(deps: AppDeps): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(deps)(...a),
    ...createUiSlice(deps, registerYear(deps.now()))(...a),
    ...createJobsSlice(...a),
  }));
}

/**
 * Wires main's events into the store (job progress, settings changes) and loads the settings once.
 * Returns the function that unsubscribes.
 */
export function connectStore(store: AppStore, deps: Pick<AppDeps, 'api'>): () => void {
  const offJobs = deps.api.on('job.progress', (p) => store.getState().applyProgress(p));
  const offSettings = deps.api.on('settings.changed', (s) => store.getState().setSettings(s));
  void deps.api.invoke('settings.get', {}).then((r) => {
    if (r.ok) store.getState().setSettings(r.value);
  });
  return () => {
    offJobs();
    offSettings();
  };
}
