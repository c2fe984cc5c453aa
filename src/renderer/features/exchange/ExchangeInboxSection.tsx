/**
 * The documents received through the axis in Văn bản đến chờ xử lý (issue 8; Quy chế Art. 9.2, 9.3): urgent
 * first, with the verification verdict; "Mở" shows the pre-filled registration form (opening stops the alarm).
 */
import { useState } from 'react';
import { can } from '../../../shared/domain/roles';
import { formatDateTimeVN } from '../../../shared/util/time';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { listExchangeWaiting, listRefused, markOpened } from '../../db/exchange-incoming';
import { useLiveQuery } from '../../db/queries/hooks';
import { EXCHANGE_VERDICT_LABELS } from '../../i18n/vi-exchange';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { codeNotationOf } from './exchange-form';
import { ExchangeIncomingDetail } from './ExchangeIncomingDetail';
import type { DecisionOutcome } from './useExchangeDecisions';

const t = vi.exchange.incoming;

function outcomeText(outcome: DecisionOutcome): string {
  if (outcome.kind === 'registered') return t.registered(outcome.number);
  if (outcome.kind === 'returned') return t.returned;
  return outcome.code === '15' ? t.revocationAccepted : t.revocationRefused;
}

export function ExchangeInboxSection({ account }: { account: SessionAccount }) {
  const { db, now } = useDeps();
  const pushToast = useAppStore((s) => s.pushToast);
  const rows = useLiveQuery(() => listExchangeWaiting(db), [db]);
  const refused = useLiveQuery(() => listRefused(db), [db], []);
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayDecide = can(account.role, 'document.register');
  const open = rows?.find((r) => r.id === openId) ?? null;

  const openRecord = (id: string) => {
    setDone(null);
    setOpenId(id);
    void markOpened(db, id, now().getTime());
  };

  if (open && mayDecide) {
    return (
      <ExchangeIncomingDetail
        key={open.id}
        record={open}
        actor={account.username}
        onBack={() => setOpenId(null)}
        onDone={(outcome) => {
          const text = outcomeText(outcome);
          setDone(text);
          pushToast('info', text);
          setOpenId(null);
        }}
      />
    );
  }

  return (
    <section aria-labelledby="exchange-inbox-title" className="exchange-inbox">
      <h2 id="exchange-inbox-title">{t.title}</h2>
      {done ? (
        <p role="status" className="notice notice-ok">
          {done}
        </p>
      ) : null}
      {rows !== undefined && rows.length === 0 ? <p className="muted">{t.empty}</p> : null}
      {rows !== undefined && rows.length > 0 ? (
        <table className="data-table" aria-label={t.title}>
          <thead>
            <tr>
              <th scope="col">{t.received}</th>
              <th scope="col">{vi.registration.codeNotation}</th>
              <th scope="col">{t.from}</th>
              <th scope="col">{vi.registration.abstract}</th>
              <th scope="col">{t.verdict}</th>
              <th scope="col">{vi.register.actions}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.urgency === 'thuong' ? undefined : 'urgent'} data-document-id={r.flow.documentId}>
                <td>{formatDateTimeVN(new Date(r.receivedAt))}</td>
                <td>{codeNotationOf(r.flow)}</td>
                <td>{r.flow.fromName ?? r.flow.from}</td>
                <td>
                  <UrgencyBadge urgency={r.urgency} /> {r.flow.subject}
                  {r.state === 'registered' ? <span className="badge"> {t.revocationTitle}</span> : null}
                </td>
                <td>{EXCHANGE_VERDICT_LABELS[r.flow.verdict]}</td>
                <td>
                  {mayDecide ? (
                    <button type="button" onClick={() => openRecord(r.id)}>
                      {t.open}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {refused.length > 0 ? (
        <details className="exchange-refused">
          <summary>
            {t.refusedTitle} ({refused.length})
          </summary>
          <ul>
            {refused.map((r) => (
              <li key={r.id}>
                {formatDateTimeVN(new Date(r.receivedAt))} · {r.flow.fromName ?? r.flow.from} · {codeNotationOf(r.flow)} · {r.flow.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
