// Renders a component inside the app's providers with a fresh Dexie database, a fake api and a fixed clock.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createDb, type AppDB } from '../../../../src/renderer/db/db';
import { createAppStore, type AppStore } from '../../../../src/renderer/stores/app-store';
import { AppProvider } from '../../../../src/renderer/stores/AppContext';
import type { AppDeps } from '../../../../src/renderer/stores/deps';
import { createFakeApi, type FakeApi, type Handlers } from './fake-api';
import './dom';

export interface Rendered {
  container: HTMLDivElement;
  db: AppDB;
  api: FakeApi;
  store: AppStore;
  deps: AppDeps;
  unmount(): Promise<void>;
}

/** A fresh world per test: database named uniquely, store built from the same deps as the app's. */
export function makeWorld(handlers: Handlers = {}, at = '2026-11-24T02:00:00Z'): Omit<Rendered, 'container' | 'unmount'> {
  const db = createDb(`ui-test-${Math.random().toString(36).slice(2)}`);
  const api = createFakeApi(handlers);
  let n = 0;
  const deps: AppDeps = { api, db, now: () => new Date(at), newId: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}` };
  return { db, api, store: createAppStore(deps), deps };
}

export async function render(ui: ReactNode, world = makeWorld()): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(
      <AppProvider store={world.store} deps={world.deps}>
        {ui}
      </AppProvider>,
    );
  });
  return {
    ...world,
    container,
    async unmount() {
      await act(async () => root?.unmount());
      container.remove();
      world.db.close();
      await world.db.delete();
    },
  };
}
