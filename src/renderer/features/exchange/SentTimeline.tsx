/**
 * What we sent and what each receiver answered (issue 8; Quy chế Art. 9.5, 10.5, 13.2): the legal sending time
 * (the axis' acknowledgement), then per receiver every status in order (01, 02 with its reason, 03 … 06, 15/16),
 * and "Thu hồi" asking every receiver for it back (13 with a reason).
 */
import { useState } from 'react';
import type { FlowStatus, SentDocumentRecord } from '../../../shared/api/exchange-flow-schemas';
import { formatDateTimeVN } from '../../../shared/util/time';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { errorText } from '../../i18n/messages';
import { EXCHANGE_STATUS_LABELS } from '../../i18n/vi-exchange';
import { vi } from '../../i18n/vi';
import { journalExchangeSend } from '../../db/exchange-outgoing';
import { useDeps } from '../../stores/AppContext';

const t = vi.exchange.timeline;

const statusText = (s: FlowStatus): string =>
  `${EXCHANGE_STATUS_LABELS[s.statusCode] ?? s.statusCode} · ${formatDateTimeVN(new Date(s.at))}${s.description ? ` · ${vi.exchange.incoming.reasons}: ${s.description}` : ''}`;

function RevokeForm({ record, actor, onDone }: { record: SentDocumentRecord; actor: string; onDone(): void }) {
  const { api, db, now } = useDeps();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `revoke-${record.documentId}`;
  const submit = async () => {
    if (reason.trim() === '') {
      setError(vi.exchange.incoming.reasonRequired);
      return;
    }
    setBusy(true);
    const r = await api.invoke('exchange.revoke', { documentId: record.documentId, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error.code));
    await journalExchangeSend(db, { action: 'exchange.revokeRequested', ref: record.ref, exchangeDocumentId: record.documentId, reason: reason.trim(), actor, at: now().getTime() }).catch((cause: unknown) =>
      console.error('[exchange] journal of the revocation failed', cause),
    );
    onDone();
  };
  return (
    <form
      className="revoke-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t.revokeReason}</label>
      <input id={id} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      <button type="submit" disabled={busy}>
        {t.revokeSubmit}
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}

export function SentTimeline({ actor, records, onChanged }: { actor: string; records: readonly SentDocumentRecord[] | null; onChanged(): void }) {
  const [revoking, setRevoking] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const shown = [...(records ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="exchange-sent-title">
      <h2 id="exchange-sent-title">{t.title}</h2>
      {note ? (
        <p role="status" className="notice notice-ok">
          {note}
        </p>
      ) : null}
      {records !== null && shown.length === 0 ? <p className="muted">{t.empty}</p> : null}
      <ol className="sent-list">
        {shown.map((r) => (
          <li key={r.documentId} className="sent-document" data-document-id={r.documentId} data-ref={r.ref ?? ''}>
            <p>
              <UrgencyBadge urgency={r.urgency} /> <strong>{[r.codeNumber, r.codeNotation].join('/')}</strong> {r.subject}
            </p>
            <p className="muted">{r.sentAt ? t.sentAt(formatDateTimeVN(new Date(r.sentAt))) : t.waiting}</p>
            {r.revocation ? <p className="notice notice-warn">{t.revocationAsked(r.revocation.reason)}</p> : null}
            <ul className="timeline">
              {r.to.map((code) => {
                const statuses = r.statuses.filter((s) => s.from === code);
                return (
                  <li key={code} data-recipient={code}>
                    <strong>{code}</strong>
                    {statuses.length === 0 ? <span className="muted"> {t.noStatus}</span> : null}
                    <ol>
                      {statuses.map((s) => (
                        <li key={`${s.statusCode}-${s.at}`} data-status={s.statusCode} className={s.statusCode === '02' || s.statusCode === '16' ? 'verdict-bad' : undefined}>
                          {statusText(s)}
                        </li>
                      ))}
                    </ol>
                  </li>
                );
              })}
            </ul>
            {r.revocation === null && r.bussinessDocType === 0 ? (
              revoking === r.documentId ? (
                <RevokeForm
                  record={r}
                  actor={actor}
                  onDone={() => {
                    setRevoking(null);
                    setNote(t.revoked);
                    onChanged();
                  }}
                />
              ) : (
                <button type="button" onClick={() => setRevoking(r.documentId)}>
                  {t.revoke}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
