/**
 * The versions of a document that its sender updated (BussinessDocType 2) or replaced (3), oldest first (issue 8):
 * each with its kind, số/ký hiệu, when it arrived and its incoming number. Every version is kept.
 */
import { formatDateTimeVN } from '../../../shared/util/time';
import { listVersions } from '../../db/exchange-incoming';
import type { ExchangeIncomingRecord } from '../../db/exchange-records';
import { useLiveQuery } from '../../db/queries/hooks';
import { vi } from '../../i18n/vi';
import { useDeps } from '../../stores/AppContext';

const t = vi.exchange.incoming;

export function VersionHistory({ record }: { record: ExchangeIncomingRecord }) {
  const { db } = useDeps();
  const versions = useLiveQuery(() => listVersions(db, record), [db, record]);
  if (versions === undefined || versions.length < 2) return null;
  return (
    <section className="version-history" aria-label={t.versions}>
      <h3>{t.versions}</h3>
      <ol>
        {versions.map(({ record: r, number }) => (
          <li key={r.id} data-document-id={r.flow.documentId} aria-current={r.id === record.id ? 'true' : undefined}>
            {t.versionKind[r.flow.bussinessDocType] ?? t.versionKind[0]}: {r.flow.codeNumber}/{r.flow.codeNotation} · {formatDateTimeVN(new Date(r.receivedAt))} ·{' '}
            {number === null ? t.versionNotRegistered : t.versionNumber(number)}
            {r.id === record.id ? ` ${t.thisVersion}` : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
