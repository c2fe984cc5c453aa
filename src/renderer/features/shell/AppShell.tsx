/** The signed-in workspace: header (unit, user, role, Đăng xuất), navigation, the current view. */
import { useEffect } from 'react';
import { ROLE_LABELS, vi } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { Toasts } from '../../components/Toasts';
import { InboxView } from '../inbox/InboxView';
import { RegistrationView } from '../registration/RegistrationView';
import { ScanView } from '../scan/ScanView';
import { RegisterView } from '../registers/RegisterView';
import { SettingsView } from '../settings/SettingsView';
import { SigningView } from '../signing/SigningView';
import { StatsView } from '../exchange/StatsView';
import { ExchangeView } from '../exchange/ExchangeView';
import { SyncStatusBar } from '../exchange/SyncStatusBar';
import { UrgentAlarm } from '../exchange/UrgentAlarm';
import { useExchangeSync } from '../exchange/useExchangeSync';
import { ShortcutsPanel } from './ShortcutsPanel';
import { useIdleLock } from './useIdleLock';
import { useShellKeys } from './useShellKeys';
import { canOpenView, viewsFor } from './views';

export function AppShell({ account }: { account: SessionAccount }) {
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const logout = useAppStore((s) => s.logout);
  const unitName = useAppStore((s) => s.settings?.unitName ?? '');
  const shortcutsOpen = useAppStore((s) => s.dialog?.kind === 'shortcuts');
  const openDialog = useAppStore((s) => s.openDialog);
  const views = viewsFor(account.role);
  useShellKeys(account.role);
  useIdleLock();
  useExchangeSync();

  // A role that may not use the current view (after a sign-in as someone else) lands on its first view.
  useEffect(() => {
    if (!canOpenView(account.role, view) && views[0]) setView(views[0].id);
  }, [account.role, view, views, setView]);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <strong>{vi.appName}</strong>
          <span className="unit">{unitName || vi.shell.noUnit}</span>
        </div>
        <div className="user">
          <span>{vi.shell.userLine(account.fullName, ROLE_LABELS[account.role])}</span>
          <button type="button" className="link" onClick={() => openDialog({ kind: 'shortcuts' })}>
            <kbd>F1</kbd> {vi.shell.shortcutsTitle}
          </button>
          <button type="button" onClick={logout}>
            {vi.shell.logout}
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label={vi.shell.navLabel}>
        {views.map((v) => (
          <button key={v.id} type="button" aria-current={v.id === view ? 'page' : undefined} onClick={() => setView(v.id)}>
            <span>{v.label}</span>
            <kbd aria-hidden="true">Alt+{v.key}</kbd>
          </button>
        ))}
      </nav>
      <SyncStatusBar />
      <UrgentAlarm />
      <main className="app-main">
        {view === 'inbox' ? <InboxView account={account} /> : null}
        {view === 'registration' ? <RegistrationView account={account} /> : null}
        {view === 'incomingRegister' ? <RegisterView kind="incoming" account={account} /> : null}
        {view === 'outgoingRegister' ? <RegisterView kind="outgoing" account={account} /> : null}
        {view === 'settings' ? <SettingsView account={account} /> : null}
        {view === 'signing' ? <SigningView account={account} /> : null}
        {view === 'scan' ? <ScanView /> : null}
        {view === 'exchange' ? <ExchangeView account={account} /> : null}
        {view === 'exchangeStats' ? <StatsView /> : null}
      </main>
      {shortcutsOpen ? <ShortcutsPanel /> : null}
      <Toasts />
    </div>
  );
}
