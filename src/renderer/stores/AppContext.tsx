/** React context carrying the store and its dependencies (zustand "initialize state with props", A8). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store';
import type { AppDeps } from './deps';

interface AppContextValue {
  store: AppStore;
  deps: AppDeps;
}

const AppContext = createContext<AppContextValue | null>(null);

/** Provides one store and its deps to the tree below. */
export function AppProvider(props: { store: AppStore; deps: AppDeps; children: ReactNode }) {
  return <AppContext.Provider value={{ store: props.store, deps: props.deps }}>{props.children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('AppProvider is missing');
  return value;
}

/** Subscribes to a narrow slice of the store (use `useShallow` for derived arrays/objects). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

/** The store itself, for event handlers that read state without subscribing. */
export function useStoreApi(): AppStore {
  return useAppContext().store;
}

/** api, db, clock and id source. */
export function useDeps(): AppDeps {
  return useAppContext().deps;
}
