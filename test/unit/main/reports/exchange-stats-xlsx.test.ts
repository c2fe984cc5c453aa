// Art. 16 statistics exported to .xlsx (issue 8): the workbook reads back with the unit, the period in dd/MM/yyyy,
// the shared column headings and the same figures per month and per agency, total last.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { agencyNamesOf, renderExchangeStatsXlsx } from '../../../../src/main/reports/exchange-stats-xlsx';
import type { ExchangeStats } from '../../../../src/shared/domain/exchange-stats';

const row = (key: string, n: number) => ({ key, sent: n, received: n + 1, accepted: n, returned: 1, revoked: 0, urgent: 2, onTime: n, late: 1 });

describe('renderExchangeStatsXlsx', () => {
  it('writes per-month and per-agency sheets with the total', async () => {
    const stats: ExchangeStats = { from: '2026-10-01', to: '2026-11-30', byMonth: [row('2026-10', 3), row('2026-11', 5)], byAgency: [row('000.00.01.H35', 8)], total: row('total', 8) };
    const names = agencyNamesOf([{ from: '000.00.01.H35', fromName: 'Sở Nội vụ tỉnh Lai Châu' } as never]);
    const bytes = await renderExchangeStatsXlsx({ stats, unitName: 'Văn phòng UBND tỉnh Lai Châu', agencyNames: names });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const months = wb.getWorksheet('Theo tháng')!;
    expect(months.getCell('A1').value).toBe('VĂN PHÒNG UBND TỈNH LAI CHÂU');
    expect(months.getCell('A3').value).toBe('Từ ngày 01/10/2026 đến ngày 30/11/2026');
    expect(months.getRow(4).values).toEqual([undefined, 'Tháng', 'Đã gửi', 'Đã nhận', 'Tiếp nhận (03)', 'Trả lại (02)', 'Thu hồi (15)', 'Khẩn trở lên', 'Xử lý đúng hạn', 'Xử lý trễ hạn']);
    expect(months.getRow(5).values).toEqual([undefined, '10/2026', 3, 4, 3, 1, 0, 2, 3, 1]);
    expect(months.getRow(7).getCell(1).value).toBe('Tổng cộng');
    const agencies = wb.getWorksheet('Theo cơ quan')!;
    expect(agencies.getCell('A5').value).toBe('Sở Nội vụ tỉnh Lai Châu (000.00.01.H35)');
    expect(agencies.getCell('C5').value).toBe(9);
  });
});
