/**
 * Thống kê liên thông (Quy chế Art. 16; issue 8): sent, received, accepted, returned, revoked, urgent, on time vs
 * late for a period (dd/MM/yyyy) and optionally one agency, as a table and a chart, exported to .xlsx by main
 * (exchange.statsXlsx, the register export's way).
 */
import { useEffect, useState } from 'react';
import type { ExchangeStats } from '../../../shared/domain/exchange-stats';
import { monthLabel, STATS_COLUMNS } from '../../../shared/domain/exchange-stats-layout';
import { formatDateVN, localIsoDate, parseDateVN } from '../../../shared/util/time';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { base64ToBytes } from '../../lib/base64';
import { downloadBytes } from '../../lib/download';
import { useDeps } from '../../stores/AppContext';
import { StatsChart } from './StatsChart';

const t = vi.exchange.stats;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function StatsView() {
  const { api, now } = useDeps();
  const today = localIsoDate(now());
  const [fromText, setFromText] = useState(() => formatDateVN(`${today.slice(0, 4)}-01-01`));
  const [toText, setToText] = useState(() => formatDateVN(today));
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [agency, setAgency] = useState('');
  const [stats, setStats] = useState<ExchangeStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('exchange.stats', period).then((r) => {
      if (!live) return;
      if (r.ok) setStats(r.value);
      else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, period]);

  const show = () => {
    const from = parseDateVN(fromText.trim());
    const to = parseDateVN(toText.trim());
    if (from === null || to === null || from > to) return setError(t.badPeriod);
    setError(null);
    setPeriod({ from, to });
  };

  const exportXlsx = async () => {
    const stored = await api.invoke('exchange.statsXlsx', period);
    if (!stored.ok) return setError(errorText(stored.error.code));
    const file = await api.invoke('files.get', { sha256: stored.value.sha256 });
    if (!file.ok) return setError(errorText(file.error.code));
    downloadBytes(base64ToBytes(file.value.dataBase64), `thong-ke-lien-thong-${period.from}-${period.to}.xlsx`, XLSX);
  };

  const agencyRow = stats && agency ? (stats.byAgency.find((a) => a.key === agency) ?? null) : null;
  const rows = stats ? (agencyRow ? [{ label: agencyRow.key, row: agencyRow }] : [...stats.byMonth.map((row) => ({ label: monthLabel(row.key), row })), { label: t.total, row: stats.total }]) : [];

  return (
    <section aria-labelledby="stats-title" className="view exchange-stats">
      <h1 id="stats-title">{t.title}</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          show();
        }}
      >
        <label htmlFor="stats-from">{t.from}</label>
        <input id="stats-from" value={fromText} onChange={(e) => setFromText(e.target.value)} placeholder="dd/MM/yyyy" inputMode="numeric" />
        <label htmlFor="stats-to">{t.to}</label>
        <input id="stats-to" value={toText} onChange={(e) => setToText(e.target.value)} placeholder="dd/MM/yyyy" inputMode="numeric" />
        <label htmlFor="stats-agency">{t.agency}</label>
        <select id="stats-agency" value={agency} onChange={(e) => setAgency(e.target.value)}>
          <option value="">{t.allAgencies}</option>
          {stats?.byAgency.map((a) => (
            <option key={a.key} value={a.key}>
              {a.key}
            </option>
          ))}
        </select>
        <button type="submit">{t.show}</button>
        <button type="button" onClick={() => void exportXlsx()} disabled={stats === null}>
          {t.exportXlsx}
        </button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {stats ? (
        <>
          <table className="data-table stats-table">
            <thead>
              <tr>
                <th scope="col">{agencyRow ? t.agency : t.month}</th>
                {STATS_COLUMNS.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ label, row }) => (
                <tr key={label} data-row={row.key}>
                  <th scope="row">{label}</th>
                  {STATS_COLUMNS.map((c) => (
                    <td key={c.key}>{row[c.key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <StatsChart months={stats.byMonth} agency={agencyRow} />
        </>
      ) : null}
    </section>
  );
}
