/**
 * The desktop notification for an urgent document (Art. 9.3: Khẩn, Thượng khẩn, Hỏa tốc are presented at once),
 * through the Web Notification API where the page is allowed to use it; the in-app alarm (UrgentAlarm) is shown
 * either way, so a refused permission (or Electron's deny-all permission handler) loses nothing.
 */
import { isUrgent } from '../../../shared/domain/urgency';
import type { ExchangeIncomingRecord } from '../../db/exchange-records';
import { URGENCY_LABELS, vi } from '../../i18n/vi';

type NotificationCtor = { permission: string; requestPermission?: () => Promise<string> } & (new (title: string, options?: { body?: string; tag?: string }) => unknown);

function notificationApi(): NotificationCtor | null {
  const n = (globalThis as { Notification?: NotificationCtor }).Notification;
  return typeof n === 'function' ? n : null;
}

/** Shows one notification per new urgent document when permission was granted; answers how many were shown. */
export function notifyUrgent(records: readonly ExchangeIncomingRecord[]): number {
  const api = notificationApi();
  if (api === null || api.permission !== 'granted') return 0;
  let shown = 0;
  for (const r of records) {
    if (r.state !== 'waiting' || !isUrgent(r.urgency)) continue;
    try {
      new api(vi.exchange.alarm.notificationTitle, { body: vi.exchange.alarm.notificationBody(URGENCY_LABELS[r.urgency], r.flow.subject), tag: r.id });
      shown += 1;
    } catch (cause) {
      console.warn('[exchange] notification refused', cause);
    }
  }
  return shown;
}

/** Asks for the permission (from a click: browsers only ask on a user gesture). */
export function askNotificationPermission(): void {
  const api = notificationApi();
  if (api?.permission === 'default' && api.requestPermission) void api.requestPermission().catch(() => undefined);
}
