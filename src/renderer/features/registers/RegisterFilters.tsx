/** Filters of a register: year, urgency, sender, status, and "Tìm kiếm" (with or without diacritics; Ctrl+F). */
import { useEffect, useRef } from 'react';
import type { RegisterKind } from '../../../shared/api/schemas';
import type { Urgency } from '../../../shared/domain/urgency';
import { listSenders, listYears } from '../../db/queries/register-search';
import { useLiveQuery } from '../../db/queries/hooks';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import type { StatusFilter } from '../../stores/slices/ui-slice';
import { UrgencyOptions } from '../../components/DomainOptions';

const t = vi.register;
const STATUSES: StatusFilter[] = ['all', 'active', 'cancelled', 'waiting', 'transferred'];

export function RegisterFilters({ kind, defaultYear }: { kind: RegisterKind; defaultYear: number }) {
  const { db } = useDeps();
  const filter = useAppStore((s) => s.registerFilters[kind]);
  const setFilter = useAppStore((s) => s.setRegisterFilter);
  const search = useRef<HTMLInputElement>(null);
  const years = useLiveQuery(() => listYears(db, kind), [db, kind]) ?? [];
  const senders = useLiveQuery(() => listSenders(db, kind, filter.year), [db, kind, filter.year]) ?? [];
  const yearOptions = [...new Set([defaultYear, filter.year, ...years])].sort((a, b) => b - a);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="filters" role="search">
      <label>
        {t.year}
        <select value={filter.year} onChange={(e) => setFilter(kind, { year: Number(e.target.value), sender: '' })}>
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.urgency}
        <select value={filter.urgency} onChange={(e) => setFilter(kind, { urgency: e.target.value as Urgency | 'all' })}>
          <option value="all">{vi.common.all}</option>
          <UrgencyOptions />
        </select>
      </label>
      <label>
        {t.sender}
        <select value={filter.sender} onChange={(e) => setFilter(kind, { sender: e.target.value })}>
          <option value="">{vi.common.all}</option>
          {senders.map((s) => (
            <option key={s.folded} value={s.folded}>
              {s.display}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.status}
        <select value={filter.status} onChange={(e) => setFilter(kind, { status: e.target.value as StatusFilter })}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.statusOptions[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        {t.search} <kbd aria-hidden="true">Ctrl+F</kbd>
        <input
          ref={search}
          type="search"
          aria-label={t.search}
          value={filter.text}
          placeholder={t.searchPlaceholder}
          onChange={(e) => setFilter(kind, { text: e.target.value })}
        />
      </label>
    </div>
  );
}
