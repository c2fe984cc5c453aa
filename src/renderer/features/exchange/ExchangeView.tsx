/** Liên thông văn bản (issue 8): send an issued document through the axis, and the timeline of what was sent. */
import { useMemo } from 'react';
import { can } from '../../../shared/domain/roles';
import { vi } from '../../i18n/vi';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { SendPanel } from './SendPanel';
import { SentTimeline } from './SentTimeline';
import { useSentDocuments } from './useSentDocuments';

export function ExchangeView({ account }: { account: SessionAccount }) {
  const sent = useSentDocuments();
  const refs = useMemo(() => new Set((sent.records ?? []).flatMap((r) => (r.ref ? [r.ref] : []))), [sent.records]);
  return (
    <section aria-labelledby="exchange-title" className="view exchange">
      <h1 id="exchange-title">{vi.exchange.views.exchange}</h1>
      {sent.error ? <p role="alert">{sent.error}</p> : null}
      {can(account.role, 'document.register') ? <SendPanel actor={account.username} sentRefs={refs} onSent={sent.reload} /> : null}
      <SentTimeline actor={account.username} records={sent.records} onChanged={sent.reload} />
    </section>
  );
}
