/** Chooses the screen: first run, login, lock, or the workspace. */
import { useEffect } from 'react';
import { hasAnyAccount } from './db/accounts';
import { useLiveQuery } from './db/queries/hooks';
import { vi } from './i18n/vi';
import { connectStore } from './stores/app-store';
import { useAppStore, useDeps, useStoreApi } from './stores/AppContext';
import { FirstRunForm } from './features/auth/FirstRunForm';
import { LockScreen } from './features/auth/LockScreen';
import { LoginForm } from './features/auth/LoginForm';
import { AppShell } from './features/shell/AppShell';

export function App() {
  const deps = useDeps();
  const store = useStoreApi();
  const account = useAppStore((s) => s.account);
  const locked = useAppStore((s) => s.locked);
  const settingUp = useAppStore((s) => s.settingUp);
  const anyAccount = useLiveQuery(() => hasAnyAccount(deps.db), [deps.db]);

  useEffect(() => connectStore(store, deps), [store, deps]);

  if (anyAccount === undefined) return <p className="loading">{vi.common.loading}</p>;
  if (!anyAccount || settingUp) return <FirstRunForm />;
  if (account === null) return <LoginForm />;
  if (locked) return <LockScreen />;
  return <AppShell account={account} />;
}
