/**
 * The Art. 16 chart (chart.js, a kept chart library: issue 8): grouped bars per month, or one agency's counts.
 * Only the pieces used are registered, so the bundle carries the bar chart alone.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ExchangeStatsRow } from '../../../shared/domain/exchange-stats';
import { monthLabel, STATS_COLUMNS, type StatsCount } from '../../../shared/domain/exchange-stats-layout';
import { vi } from '../../i18n/vi';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const SERIES: readonly { key: StatsCount; color: string }[] = [
  { key: 'sent', color: '#1f5fa8' },
  { key: 'received', color: '#2e8b57' },
  { key: 'accepted', color: '#7aa95c' },
  { key: 'returned', color: '#c0392b' },
  { key: 'revoked', color: '#8e44ad' },
  { key: 'urgent', color: '#e67e22' },
];

const titleOf = (key: StatsCount) => STATS_COLUMNS.find((c) => c.key === key)?.title ?? key;

/** chart.js data for the months, or for one agency row (one bar per count). */
export function chartData(months: readonly ExchangeStatsRow[], agency: ExchangeStatsRow | null) {
  if (agency) {
    return { labels: STATS_COLUMNS.map((c) => c.title), datasets: [{ label: agency.key, data: STATS_COLUMNS.map((c) => agency[c.key]), backgroundColor: '#1f5fa8' }] };
  }
  return {
    labels: months.map((m) => monthLabel(m.key)),
    datasets: SERIES.map((s) => ({ label: titleOf(s.key), data: months.map((m) => m[s.key]), backgroundColor: s.color })),
  };
}

export function StatsChart({ months, agency }: { months: readonly ExchangeStatsRow[]; agency: ExchangeStatsRow | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    // No 2D context (e.g. a test DOM without canvas): the table beside it still carries every figure.
    if (!el || !el.getContext('2d')) return;
    const chart = new Chart(el, {
      type: 'bar',
      data: chartData(months, agency),
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    return () => chart.destroy();
  }, [months, agency]);
  return (
    <div className="stats-chart">
      <canvas ref={canvas} role="img" aria-label={vi.exchange.stats.chartLabel} />
    </div>
  );
}
