/**
 * The in-app alarm for urgent documents received and not opened yet (Art. 9.3: Khẩn, Thượng khẩn, Hỏa tốc go to
 * the leader the same day). Shown on every screen until each one is opened; "Xem ngay" goes to the waiting list
 * (and, being a click, may ask for the desktop-notification permission).
 */
import { listUnopenedUrgent } from '../../db/exchange-incoming';
import { useLiveQuery } from '../../db/queries/hooks';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { askNotificationPermission } from './urgent-notification';

export function UrgentAlarm() {
  const { db } = useDeps();
  const setView = useAppStore((s) => s.setView);
  const urgent = useLiveQuery(() => listUnopenedUrgent(db), [db], []);
  if (urgent.length === 0) return null;
  return (
    <div role="alert" className="notice notice-error urgent-alarm">
      <strong>{vi.exchange.alarm.banner(urgent.length)}</strong>{' '}
      <button
        type="button"
        onClick={() => {
          askNotificationPermission();
          setView('inbox');
        }}
      >
        {vi.exchange.alarm.open}
      </button>
    </div>
  );
}
