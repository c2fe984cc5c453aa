/**
 * Nơi nhận from the agency directory cached from the axis (issue 8): typed text is searched by main without
 * diacritics (đ included); a retired, replaced or deleted code is shown with its warning before it is chosen.
 */
import { useEffect, useState } from 'react';
import type { AgencyEntry } from '../../../shared/api/exchange-schemas';
import { formatDateTimeVN } from '../../../shared/util/time';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useDeps } from '../../stores/AppContext';

const t = vi.exchange.send;
const SHOWN = 20;

export interface AgencyPickerProps {
  chosen: readonly AgencyEntry[];
  onChange(next: AgencyEntry[]): void;
}

export function AgencyPicker({ chosen, onChange }: AgencyPickerProps) {
  const { api } = useDeps();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ entries: AgencyEntry[]; fetchedAt: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void api.invoke('exchange.agencies', { query, limit: SHOWN }).then((r) => {
      if (!live) return;
      if (r.ok) setFound({ entries: r.value.entries, fetchedAt: r.value.fetchedAt });
      else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, query, generation]);

  const refresh = async () => {
    setError(null);
    const r = await api.invoke('exchange.agenciesRefresh', {});
    if (!r.ok) setError(errorText(r.error.code));
    setGeneration((g) => g + 1);
  };
  const isChosen = (a: AgencyEntry) => chosen.some((c) => c.code102 === a.code102);

  return (
    <fieldset className="agency-picker">
      <legend>{t.recipients}</legend>
      <label htmlFor="agency-search">{t.search}</label>
      <input id="agency-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      <p className="muted">
        {found?.fetchedAt ? t.directoryAge(formatDateTimeVN(new Date(found.fetchedAt))) : t.noDirectory}{' '}
        <button type="button" className="link" onClick={() => void refresh()}>
          {t.refresh}
        </button>
      </p>
      {error ? <p role="alert">{error}</p> : null}
      {found && found.entries.length === 0 ? <p>{t.noMatch}</p> : null}
      <ul className="agency-results" aria-label={t.search}>
        {found?.entries.map((a) => (
          <li key={a.code102} data-code={a.code102}>
            <span>
              {a.name} ({a.code102})
            </span>
            {a.warning ? <span className="notice-warn"> {a.warning}</span> : null}
            <button type="button" disabled={isChosen(a) || a.deleted} onClick={() => onChange([...chosen, a])}>
              {t.add}
            </button>
          </li>
        ))}
      </ul>
      <p>{t.chosen}:</p>
      {chosen.length === 0 ? <p className="muted">{t.none}</p> : null}
      <ul className="agency-chosen" aria-label={t.chosen}>
        {chosen.map((a) => (
          <li key={a.code102}>
            {a.name} ({a.code102}){a.warning ? <span className="notice-warn"> {a.warning}</span> : null}{' '}
            <button type="button" onClick={() => onChange(chosen.filter((c) => c.code102 !== a.code102))}>
              {t.remove}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
