/** Entry: builds the platform api, the Dexie database and the store, then renders the app (composition only). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDb } from './db/db';
import { startJournalWitness } from './db/journal-witness';
import { createPlatformApi } from './platform/api';
import { createAppStore } from './stores/app-store';
import type { AppDeps } from './stores/deps';
import { AppProvider } from './stores/AppContext';
import { App } from './App';
import './styles/app.css';

const deps: AppDeps = {
  api: createPlatformApi(),
  db: createDb(),
  now: () => new Date(),
  newId: () => crypto.randomUUID(),
};
const store = createAppStore(deps);
// Main witnesses the journal head, so lines cut off the end of the audit journal are detectable.
startJournalWitness(deps.db, deps.api);
const root = document.getElementById('root');
if (root === null) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppProvider store={store} deps={deps}>
      <App />
    </AppProvider>
  </StrictMode>,
);
