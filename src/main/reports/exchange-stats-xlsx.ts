/**
 * The Art. 16 exchange statistics as .xlsx, written like the register export (register-xlsx.ts): exceljs's
 * streaming WorkbookWriter into memory, unit name and title on top, thin borders, frozen heading row. Two
 * sheets: per month (with the total) and per agency. Columns from shared/domain/exchange-stats-layout.ts.
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { IncomingFlowRecord } from '../../shared/api/exchange-flow-schemas';
import type { ExchangeStats, ExchangeStatsRow } from '../../shared/domain/exchange-stats';
import { monthLabel, STATS_COLUMNS, STATS_TITLE } from '../../shared/domain/exchange-stats-layout';
import { formatDateVN } from '../../shared/util/time';

export interface ExchangeStatsXlsxInput {
  stats: ExchangeStats;
  unitName: string;
  /** Agency code → name, for the per-agency sheet (codes without a name are shown alone). */
  agencyNames: Readonly<Record<string, string>>;
}

const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEADER_ROW = 4;

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, first: string, rows: { label: string; row: ExchangeStatsRow; bold?: boolean }[], top: string[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 40 }, ...STATS_COLUMNS.map(() => ({ width: 14 }))];
  const lastColumn = String.fromCharCode('A'.charCodeAt(0) + STATS_COLUMNS.length);
  top.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: i < 2, size: i === 1 ? 14 : 11 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
    sheet.mergeCells(`A${i + 1}:${lastColumn}${i + 1}`);
    row.commit();
  });
  const header = sheet.getRow(HEADER_ROW);
  [first, ...STATS_COLUMNS.map((c) => c.title)].forEach((title, i) => {
    const cell = header.getCell(i + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  header.commit();
  rows.forEach(({ label, row: counts, bold }, r) => {
    const row = sheet.getRow(HEADER_ROW + 1 + r);
    [label, ...STATS_COLUMNS.map((c) => counts[c.key])].forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.border = border;
      if (bold) cell.font = { bold: true };
    });
    row.commit();
  });
  sheet.commit();
}

/** The workbook's bytes. */
export async function renderExchangeStatsXlsx({ stats, unitName, agencyNames }: ExchangeStatsXlsxInput): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(sink);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Văn thư số';
  workbook.title = STATS_TITLE;
  const top = [unitName.normalize('NFC').toUpperCase(), STATS_TITLE, `Từ ngày ${formatDateVN(stats.from)} đến ngày ${formatDateVN(stats.to)}`];
  const total = { label: 'Tổng cộng', row: stats.total, bold: true };
  addSheet(workbook, 'Theo tháng', 'Tháng', [...stats.byMonth.map((row) => ({ label: monthLabel(row.key), row })), total], top);
  addSheet(workbook, 'Theo cơ quan', 'Cơ quan', [...stats.byAgency.map((row) => ({ label: agencyNames[row.key] ? `${agencyNames[row.key]} (${row.key})` : row.key, row })), total], top);
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Agency names known from what they sent us (edXML From OrganName). */
export function agencyNamesOf(incoming: readonly IncomingFlowRecord[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const r of incoming) if (r.fromName) names[r.from] = r.fromName;
  return names;
}
