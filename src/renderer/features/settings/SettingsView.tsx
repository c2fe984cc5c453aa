/** Cài đặt (quản trị): unit settings, signing (driver, trust anchors), accounts, journal check. */
import { can } from '../../../shared/domain/roles';
import { vi, VIEW_LABELS } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { AccountsSection } from './AccountsSection';
import { JournalSection } from './JournalSection';
import { UnitSettingsForm } from './UnitSettingsForm';
import { SigningSettings } from '../signing/SigningSettings';

export function SettingsView({ account }: { account: SessionAccount }) {
  const settings = useAppStore((s) => s.settings);
  if (!can(account.role, 'settings.edit')) return <p role="alert">{vi.settings.noPermission}</p>;
  return (
    <section className="view settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{VIEW_LABELS.settings}</h1>
      {settings ? <UnitSettingsForm settings={settings} /> : <p>{vi.common.loading}</p>}
      {settings ? <SigningSettings settings={settings} /> : null}
      {can(account.role, 'account.manage') ? <AccountsSection account={account} /> : null}
      {can(account.role, 'journal.verify') ? <JournalSection /> : null}
    </section>
  );
}
