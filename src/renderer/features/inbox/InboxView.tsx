/** Văn bản đến chờ xử lý (Art. 9.2, 9.3): what still has to go to the leader, urgent ones first. */
import { useState } from 'react';
import { can } from '../../../shared/domain/roles';
import { formatDateTimeVN, formatDateVN } from '../../../shared/util/time';
import { transferEntry } from '../../db/registration';
import { loadRows, searchRegister } from '../../db/queries/register-search';
import { listAccounts } from '../../db/accounts';
import { useLiveQuery } from '../../db/queries/hooks';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { errorTextOf } from '../../i18n/messages';
import { vi, VIEW_LABELS } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { ExchangeInboxSection } from '../exchange/ExchangeInboxSection';
import { inboxOrder } from './inbox-order';

/** The list shows at most this many rows; the register view pages through everything. */
const MAX_SHOWN = 500;

export function InboxView({ account }: { account: SessionAccount }) {
  const { db, now } = useDeps();
  const pushToast = useAppStore((s) => s.pushToast);
  const [error, setError] = useState<string | null>(null);
  const rows = useLiveQuery(async () => inboxOrder(await loadRows(db, await searchRegister(db, { kind: 'incoming', status: 'waiting' }))), [db]);
  const leaders = useLiveQuery(async () => (await listAccounts(db)).filter((a) => a.role === 'lanh-dao' && !a.disabled), [db]);
  const [leader, setLeader] = useState('');
  const mayTransfer = can(account.role, 'document.register');
  const target = leader || leaders?.[0]?.fullName || vi.inbox.leader;

  const transfer = async (entryId: number, number: number) => {
    setError(null);
    try {
      await transferEntry(db, { entryId, to: target, actor: account.username, at: now().getTime() });
      pushToast('info', vi.inbox.transferred(number));
    } catch (cause) {
      setError(errorTextOf(cause));
    }
  };

  return (
    <section aria-labelledby="inbox-title" className="view">
      <h1 id="inbox-title">{VIEW_LABELS.inbox}</h1>
      <p className="muted">{vi.inbox.urgentNote}</p>
      <ExchangeInboxSection account={account} />
      {mayTransfer && leaders && leaders.length > 0 ? (
        <label className="inline">
          {vi.inbox.leader}{' '}
          <select value={leader} onChange={(e) => setLeader(e.target.value)}>
            {leaders.map((l) => (
              <option key={l.id} value={l.fullName}>
                {l.fullName}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {error ? <p role="alert">{error}</p> : null}
      {rows === undefined ? <p>{vi.common.loading}</p> : null}
      {rows !== undefined && rows.length === 0 ? <p>{vi.inbox.empty}</p> : null}
      {rows !== undefined && rows.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{vi.inbox.number}</th>
              <th scope="col">{vi.inbox.received}</th>
              <th scope="col">{vi.registration.codeNotation}</th>
              <th scope="col">{vi.registration.issuer}</th>
              <th scope="col">{vi.registration.abstract}</th>
              <th scope="col">{vi.inbox.due}</th>
              <th scope="col">{vi.register.actions}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_SHOWN).map(({ entry, document }) => (
              <tr key={entry.id} className={entry.urgency === 'thuong' ? undefined : 'urgent'}>
                <td>{entry.number}</td>
                <td>{formatDateTimeVN(new Date(entry.legalReceiptAt))}</td>
                <td>{document.codeNotation}</td>
                <td>{document.issuer}</td>
                <td>
                  <UrgencyBadge urgency={entry.urgency} /> {document.abstract}
                </td>
                <td>{document.dueDate ? formatDateVN(document.dueDate) : vi.common.none}</td>
                <td>
                  {mayTransfer && entry.id !== undefined ? (
                    <button type="button" onClick={() => void transfer(entry.id as number, entry.number)}>
                      {vi.inbox.transfer}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
