/**
 * The axis link in the shell (issue 8): online/offline, queue lengths, last error, and Tạm dừng / Tiếp tục /
 * Đồng bộ ngay. Fed by exchange.status once and the `sync.status` event after that; the engine runs in main
 * whether or not this is shown.
 */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/api/exchange-schemas';
import type { AppErrorCode } from '../../../shared/api/result';
import { formatDateTimeVN } from '../../../shared/util/time';
import { errorText } from '../../i18n/messages';
import { ERROR_MESSAGES, vi } from '../../i18n/vi';
import { useDeps } from '../../stores/AppContext';

const t = vi.exchange.sync;

/** The Vietnamese text of an engine error: the message for its code (house rule 6), main's text only for others. */
function lastErrorText(error: NonNullable<SyncStatus['lastError']>): string {
  return error.code in ERROR_MESSAGES ? errorText(error.code as AppErrorCode) : error.message;
}

function stateText(s: SyncStatus): string {
  if (!s.configured) return t.notConfigured;
  if (s.paused) return t.paused;
  if (s.online === true) return t.online;
  if (s.online === false) return t.offline;
  return t.unknown;
}

export function SyncStatusBar() {
  const { api } = useDeps();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const off = api.on('sync.status', (s) => setStatus(s));
    void api.invoke('exchange.status', {}).then((r) => {
      if (live && r.ok) setStatus((current) => current ?? r.value);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  if (status === null) return null;
  const act = async (channel: 'exchange.pause' | 'exchange.resume' | 'exchange.syncNow') => {
    setBusy(true);
    const r = await api.invoke(channel, {});
    setBusy(false);
    if (r.ok) setStatus(r.value);
  };
  const tone = status.online === false ? 'sync-offline' : status.online === true && !status.paused ? 'sync-online' : 'sync-idle';

  return (
    <div className={`sync-status ${tone}`} role="status" aria-label={t.label}>
      <strong>{t.label}:</strong> <span data-testid="sync-state">{stateText(status)}</span>
      {' · '}
      <span>{t.queues(status.incomingStored + status.incomingReady, status.outgoingPending)}</span>
      {status.quarantined > 0 ? <span> · {t.quarantined(status.quarantined)}</span> : null}
      {status.lastSyncAt ? <span className="muted"> · {t.lastSync(formatDateTimeVN(new Date(status.lastSyncAt)))}</span> : null}
      {status.lastError ? <span className="notice-warn"> · {t.lastError(lastErrorText(status.lastError), formatDateTimeVN(new Date(status.lastError.at)))}</span> : null}{' '}
      {status.configured ? (
        <>
          <button type="button" className="link" disabled={busy} onClick={() => void act(status.paused ? 'exchange.resume' : 'exchange.pause')}>
            {status.paused ? t.resume : t.pause}
          </button>{' '}
          <button type="button" className="link" disabled={busy || status.paused} onClick={() => void act('exchange.syncNow')}>
            {t.syncNow}
          </button>
        </>
      ) : null}
    </div>
  );
}
