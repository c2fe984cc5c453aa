/** Sổ văn bản đến / Sổ văn bản đi (NĐ 30 Phụ lục IV): filters, the virtual table, cancel, print, export. */
import { useDeferredValue, useMemo } from 'react';
import type { RegisterKind } from '../../../shared/api/schemas';
import { registerYear } from '../../../shared/domain/numbering';
import { can } from '../../../shared/domain/roles';
import { searchRegister, type RegisterFilter } from '../../db/queries/register-search';
import { useLiveQuery } from '../../db/queries/hooks';
import { URGENCY_LABELS, vi, VIEW_LABELS } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import type { RegisterFilterState } from '../../stores/slices/ui-slice';
import { CancelDialog } from './CancelDialog';
import { PreviewDialog } from './PreviewDialog';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { ReportButtons } from './ReportButtons';
import { useRegisterReport } from './useRegisterReport';

const t = vi.register;
const EMPTY: readonly number[] = [];

/** The UI filter as the data layer's RegisterFilter ('all' and '' mean "no condition"). */
export function toRegisterFilter(kind: RegisterKind, f: RegisterFilterState): RegisterFilter {
  return {
    kind,
    year: f.year,
    ...(f.urgency === 'all' ? {} : { urgency: f.urgency }),
    ...(f.sender === '' ? {} : { sender: f.sender }),
    ...(f.status === 'all' ? {} : { status: f.status }),
    ...(f.text.trim() === '' ? {} : { text: f.text.trim() }),
  };
}

/** The filters in words, printed under the register's title. */
export function filterNoteOf(f: RegisterFilterState, senderName: string): string {
  const parts: string[] = [];
  if (f.urgency !== 'all') parts.push(t.filterNote.urgency(URGENCY_LABELS[f.urgency]));
  if (f.sender !== '') parts.push(t.filterNote.sender(senderName || f.sender));
  if (f.status !== 'all') parts.push(t.filterNote.status(t.statusOptions[f.status]));
  if (f.text.trim() !== '') parts.push(t.filterNote.text(f.text.trim()));
  return parts.join('; ');
}

export function RegisterView({ kind, account }: { kind: RegisterKind; account: SessionAccount }) {
  const { db, now } = useDeps();
  const filterState = useAppStore((s) => s.registerFilters[kind]);
  const dialog = useAppStore((s) => s.dialog);
  const openDialog = useAppStore((s) => s.openDialog);
  const closeDialog = useAppStore((s) => s.closeDialog);
  // Typing stays responsive on big registers: the query follows the deferred filter.
  const deferred = useDeferredValue(filterState);
  const filter = useMemo(() => toRegisterFilter(kind, deferred), [kind, deferred]);
  const ids = useLiveQuery(() => searchRegister(db, filter), [db, filter]) ?? EMPTY;
  const report = useRegisterReport(kind, filterState.year, filterNoteOf(filterState, ''));
  const defaultYear = useMemo(() => registerYear(now()), [now]);

  return (
    <section className="view register-view" aria-labelledby={`${kind}-register-title`}>
      <div className="view-head">
        <h1 id={`${kind}-register-title`}>{kind === 'incoming' ? VIEW_LABELS.incomingRegister : VIEW_LABELS.outgoingRegister}</h1>
        <span className="muted">{t.count(ids.length)}</span>
        <ReportButtons
          mayPrint={can(account.role, 'register.print')}
          mayExport={can(account.role, 'register.export')}
          running={report.running}
          progress={report.progress}
          error={report.error}
          onRun={(format) => void report.run(format, ids)}
          onCancel={() => void report.cancel()}
        />
      </div>
      <RegisterFilters kind={kind} defaultYear={defaultYear} />
      <RegisterTable
        kind={kind}
        ids={ids}
        mayCancel={kind === 'incoming' && can(account.role, 'entry.cancel')}
        onCancel={(row) => row.entry.id !== undefined && openDialog({ kind: 'cancel-entry', entryId: row.entry.id, number: row.entry.number })}
        onView={(row) => openDialog({ kind: 'preview', sha256: row.document.fileSha256, title: t.previewTitle(row.document.codeNotation) })}
      />
      {dialog?.kind === 'cancel-entry' ? (
        <CancelDialog entryId={dialog.entryId} number={dialog.number} actor={account.username} onClose={closeDialog} />
      ) : null}
      {dialog?.kind === 'preview' ? <PreviewDialog sha256={dialog.sha256} title={dialog.title} onClose={closeDialog} /> : null}
    </section>
  );
}
