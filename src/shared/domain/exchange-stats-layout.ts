/**
 * Columns of the Art. 16 exchange statistics, shared by the screen's table (renderer) and the .xlsx export (main,
 * reports/exchange-stats-xlsx.ts), so both always show the same figures under the same headings.
 */
import type { ExchangeStatsRow } from './exchange-stats';

export type StatsCount = Exclude<keyof ExchangeStatsRow, 'key'>;

export const STATS_COLUMNS: readonly { key: StatsCount; title: string }[] = [
  { key: 'sent', title: 'Đã gửi' },
  { key: 'received', title: 'Đã nhận' },
  { key: 'accepted', title: 'Tiếp nhận (03)' },
  { key: 'returned', title: 'Trả lại (02)' },
  { key: 'revoked', title: 'Thu hồi (15)' },
  { key: 'urgent', title: 'Khẩn trở lên' },
  { key: 'onTime', title: 'Xử lý đúng hạn' },
  { key: 'late', title: 'Xử lý trễ hạn' },
];

export const STATS_TITLE = 'THỐNG KÊ VĂN BẢN ĐIỆN TỬ GỬI, NHẬN QUA TRỤC LIÊN THÔNG';

/** "2026-11" → "11/2026". */
export function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  return m ? `${m[2]}/${m[1]}` : key;
}
