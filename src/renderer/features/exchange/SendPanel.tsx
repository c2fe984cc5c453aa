/**
 * Sending an issued document through the axis (issue 8; Quy chế Art. 10.1, 10.5): choose it, choose the receivers
 * from the directory, send. Main validates the package strictly and spools it; the legal sending time is the
 * axis' acknowledgement, shown in the timeline.
 */
import { useEffect, useState } from 'react';
import type { AgencyEntry } from '../../../shared/api/exchange-schemas';
import { buildWorkCalendar } from '../../../shared/domain/calendar-rules';
import { deliveryChannelOf } from '../../../shared/domain/delivery-channel';
import { sendDeadline } from '../../../shared/domain/send-deadline';
import { formatDateTimeVN, formatDateVN } from '../../../shared/util/time';
import type { RegisterRow } from '../../db/records';
import { journalExchangeSend, listIssuedOutgoing } from '../../db/exchange-outgoing';
import { useLiveQuery } from '../../db/queries/hooks';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useDeps } from '../../stores/AppContext';
import { AgencyPicker } from './AgencyPicker';
import { sendRequestOf } from './send-request';

const t = vi.exchange.send;

function problemsOf(details: Record<string, unknown> | undefined): string[] {
  const list = details?.problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) => (typeof p === 'object' && p !== null && typeof (p as { reason?: unknown }).reason === 'string' ? [(p as { reason: string }).reason] : [])).slice(0, 20);
}

/** What a row of the issued list needs to say beside it: Art. 10.1 deadline (or lateness) and the Art. 8.3 paper copy. */
type RowMarks = (row: RegisterRow) => { deadline: { at: Date; late: boolean } | null; paperToo: boolean };

/** The unit's office hours, holidays and channel rules, read once; until then (or on error) nothing is marked. */
function useRowMarks(): RowMarks {
  const { api, now } = useDeps();
  const [marks, setMarks] = useState<RowMarks>(() => () => ({ deadline: null, paperToo: false }));
  useEffect(() => {
    let live = true;
    void Promise.all([api.invoke('settings.get', {}), api.invoke('rules.get', {})]).then(([settings, rules]) => {
      if (!live || !settings.ok || !rules.ok) return;
      const calendar = buildWorkCalendar(rules.value.holidays);
      setMarks(() => (row: RegisterRow) => {
        const paperToo = deliveryChannelOf(row.document.typeId, rules.value.channels) === 'electronic-and-paper';
        if (row.entry.issuedAt === undefined) return { deadline: null, paperToo };
        try {
          const at = sendDeadline(new Date(row.entry.issuedAt), settings.value.officeHours, calendar);
          return { deadline: { at, late: now().getTime() >= at.getTime() }, paperToo };
        } catch (cause) {
          console.error('[exchange] send deadline', cause);
          return { deadline: null, paperToo };
        }
      });
    });
    return () => {
      live = false;
    };
  }, [api, now]);
  return marks;
}

function DeadlineNote({ deadline }: { deadline: { at: Date; late: boolean } }) {
  const at = formatDateTimeVN(deadline.at);
  return deadline.late ? <strong className="send-late">{t.late(at)}</strong> : <span className="muted">{t.sendBy(at)}</span>;
}

export function SendPanel({ actor, sentRefs, onSent }: { actor: string; sentRefs: ReadonlySet<string>; onSent(): void }) {
  const { api, db, now } = useDeps();
  const rows = useLiveQuery(() => listIssuedOutgoing(db), [db]);
  const marksOf = useRowMarks();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [to, setTo] = useState<AgencyEntry[]>([]);
  const [place, setPlace] = useState('');
  const [signerName, setSignerName] = useState('');
  const [signerPosition, setSignerPosition] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; lines: string[] } | null>(null);
  const row = rows?.find((r) => r.document.id === chosenId) ?? null;

  const choose = (id: string) => {
    setChosenId(id);
    setResult(null);
    setSignerName(rows?.find((r) => r.document.id === id)?.document.signer ?? '');
  };

  const send = async () => {
    if (!row) return;
    setBusy(true);
    setResult(null);
    const r = await api.invoke('exchange.sendDocument', sendRequestOf(row, { place, signerName, signerPosition, to: to.map((a) => a.code102) }));
    setBusy(false);
    if (r.ok) {
      const { record } = r.value;
      await journalExchangeSend(db, { action: 'exchange.sent', ref: record.ref, exchangeDocumentId: record.documentId, to: record.to, actor, at: now().getTime() }).catch((cause: unknown) =>
        console.error('[exchange] journal of the send failed', cause),
      );
      setResult({ tone: 'ok', lines: [t.sent(r.value.record.to.length), ...r.value.warnings] });
      setTo([]);
      setChosenId(null);
      onSent();
    } else {
      // VALIDATION carries the strict validator's problems (details.problems, reasons in Vietnamese) before sending.
      setResult({ tone: 'error', lines: [errorText(r.error.code), ...problemsOf(r.error.details)] });
    }
  };

  return (
    <section aria-labelledby="exchange-send-title">
      <h2 id="exchange-send-title">{t.title}</h2>
      {result ? (
        <div role={result.tone === 'ok' ? 'status' : 'alert'} className={result.tone === 'ok' ? 'notice notice-ok' : 'notice notice-error'}>
          {result.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
      ) : null}
      {rows !== undefined && rows.length === 0 ? <p className="muted">{t.noIssued}</p> : null}
      {rows !== undefined && rows.length > 0 ? (
        <table className="data-table" aria-label={t.issued}>
          <tbody>
            {rows.map((r) => {
              const { entry, document } = r;
              const marks = marksOf(r);
              const sent = sentRefs.has(document.id);
              return (
                <tr key={document.id} aria-selected={document.id === chosenId} data-code={document.codeNotation} data-late={!sent && marks.deadline?.late ? 'true' : undefined}>
                  <td>{document.codeNotation}</td>
                  <td>{formatDateVN(document.documentDate)}</td>
                  <td>{document.abstract}</td>
                  <td>
                    {sent ? t.alreadySent : marks.deadline ? <DeadlineNote deadline={marks.deadline} /> : null}
                    {marks.paperToo ? <span className="paper-too"> {t.paperToo}</span> : null}
                  </td>
                  <td>
                    <button type="button" disabled={busy} onClick={() => choose(document.id)}>
                      {t.choose} {entry.number}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {row ? (
        <form
          className="exchange-send"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p>
            <strong>{row.document.codeNotation}</strong> {row.document.abstract}
          </p>
          <AgencyPicker chosen={to} onChange={setTo} />
          <label htmlFor="send-place">{t.place}</label>
          <input id="send-place" value={place} onChange={(e) => setPlace(e.target.value)} autoComplete="off" />
          <label htmlFor="send-signer">{vi.exchange.send.signerName}</label>
          <input id="send-signer" value={signerName} onChange={(e) => setSignerName(e.target.value)} autoComplete="off" />
          <label htmlFor="send-position">{t.signerPosition}</label>
          <input id="send-position" value={signerPosition} onChange={(e) => setSignerPosition(e.target.value)} autoComplete="off" />
          <button type="submit" disabled={busy || to.length === 0}>
            {busy ? t.sending : t.submit}
          </button>
        </form>
      ) : null}
    </section>
  );
}
