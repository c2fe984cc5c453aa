// Thống kê liên thông (Art. 16, issue 8): the period (dd/MM/yyyy) and agency filters drive exchange.stats and the
// table; a bad period is refused in Vietnamese; Xuất Excel fetches main's .xlsx and downloads it.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeStats } from '../../../../../src/shared/domain/exchange-stats';
import { chartData } from '../../../../../src/renderer/features/exchange/StatsChart';
import { StatsView } from '../../../../../src/renderer/features/exchange/StatsView';
import { byLabel, buttonNamed, click, typeInto, waitFor } from '../../support/dom';
import { makeWorld, render, type Rendered } from '../../support/render';

const row = (key: string, n: number) => ({ key, sent: n, received: n + 1, accepted: n, returned: 1, revoked: 0, urgent: 2, onTime: n, late: 1 });
const STATS: ExchangeStats = { from: '2026-01-01', to: '2026-11-24', byMonth: [row('2026-10', 3), row('2026-11', 5)], byAgency: [row('000.00.01.H35', 6), row('000.00.12.H35', 2)], total: row('total', 8) };

let view: Rendered | null = null;
afterEach(async () => {
  await view?.unmount();
  view = null;
  vi.restoreAllMocks();
});

describe('StatsView', () => {
  it('shows the months and total, filters by agency, refuses a bad period and exports .xlsx', async () => {
    const asked: unknown[] = [];
    view = await render(
      <StatsView />,
      makeWorld({
        'exchange.stats': (req) => (asked.push(req), { ok: true, value: { ...STATS, ...req } }),
        'exchange.statsXlsx': () => ({ ok: true, value: { sha256: 'e'.repeat(64), size: 4, mediaType: 'application/octet-stream' } }),
        'files.get': () => ({ ok: true, value: { sha256: 'e'.repeat(64), size: 4, mediaType: 'application/octet-stream', dataBase64: 'UEsDBA==' } }),
      }),
    );
    const { container } = view;
    await waitFor(() => expect(container.querySelector('[data-row="total"]')).not.toBeNull());
    expect(asked[0]).toEqual({ from: '2026-01-01', to: '2026-11-24' });
    expect([...container.querySelectorAll('tbody th')].map((e) => e.textContent)).toEqual(['10/2026', '11/2026', 'Tổng cộng']);
    expect(container.querySelector('[data-row="total"]')!.textContent).toContain('89');

    await typeInto(byLabel<HTMLSelectElement>(container, 'Cơ quan'), '000.00.12.H35');
    expect([...container.querySelectorAll('tbody th')].map((e) => e.textContent)).toEqual(['000.00.12.H35']);

    await typeInto(byLabel(container, 'Từ ngày'), '31/12/2026');
    await click(buttonNamed(container, 'Xem'));
    expect(container.textContent).toContain('Khoảng thời gian không hợp lệ');
    await typeInto(byLabel(container, 'Từ ngày'), '01/10/2026');
    await click(buttonNamed(container, 'Xem'));
    await waitFor(() => expect(asked.at(-1)).toEqual({ from: '2026-10-01', to: '2026-11-24' }));

    const created: Blob[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined });
    const anchorClick = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await click(buttonNamed(container, 'Xuất Excel (.xlsx)'));
    await waitFor(() => expect(anchorClick).toHaveBeenCalled());
    expect(view.api.calls.find((c) => c.channel === 'exchange.statsXlsx')?.request).toEqual({ from: '2026-10-01', to: '2026-11-24' });
    expect(created[0]?.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('charts months as grouped series, or one agency’s counts', () => {
    const months = chartData(STATS.byMonth, null);
    expect(months.labels).toEqual(['10/2026', '11/2026']);
    expect(months.datasets.find((d) => d.label === 'Đã gửi')?.data).toEqual([3, 5]);
    const one = chartData(STATS.byMonth, STATS.byAgency[1]!);
    expect(one.datasets[0]!.data).toEqual([2, 3, 2, 1, 0, 2, 2, 1]);
  });
});
