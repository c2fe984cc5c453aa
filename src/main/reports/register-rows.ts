/**
 * What the PDF and the .xlsx writers share: checking the rows against the register's columns, writing dates as
 * dd/MM/yyyy, marking cancelled entries, and the span printed on the cover ("Từ ngày … đến ngày …",
 * "Từ số … đến số …"; standards.md §4.5).
 */
import type { RegisterReportRequest, ReportRow } from '../../shared/api/schemas';
import { AppFailure } from '../../shared/api/result';
import {
  CANCELLED_MARK,
  noteColumnIndex,
  registerColumns,
  registerSpanColumns,
  type RegisterColumn,
} from '../../shared/domain/register-layout';
import { formatDateVN, isIsoDate, parseDateVN } from '../../shared/util/time';

/** A row ready to print: one string per column, in column order. */
export interface PreparedRow {
  cells: string[];
  cancelled: boolean;
}

/** The cover's span of dates and numbers; null when the register has no rows (printed as dots). */
export interface RegisterSpan {
  fromDate: string | null;
  toDate: string | null;
  fromNumber: number | null;
  toNumber: number | null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks that every row has exactly one cell per column of its register. Throws AppFailure VALIDATION with a
 * Vietnamese message naming the first bad row (1-based), before anything is written.
 */
export function assertRowsFitColumns(req: RegisterReportRequest): void {
  const expected = registerColumns(req.kind).length;
  const bad = req.rows.findIndex((row) => row.cells.length !== expected);
  if (bad >= 0) {
    const got = req.rows[bad]?.cells.length ?? 0;
    throw new AppFailure('VALIDATION', `Dòng ${bad + 1} có ${got} cột, sổ này cần đúng ${expected} cột.`, {
      row: bad + 1,
      expected,
      got,
    });
  }
}

/** A date cell as dd/MM/yyyy: ISO dates and ISO instants (read in Vietnam time) are rewritten, other text is kept. */
export function formatDateCell(text: string): string {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return formatDateVN(trimmed);
  if (ISO_INSTANT.test(trimmed)) {
    const instant = new Date(trimmed);
    if (!Number.isNaN(instant.getTime())) return formatDateVN(instant);
  }
  const vn = parseDateVN(trimmed);
  return vn === null ? text : formatDateVN(vn);
}

/** Normalises the cells of one row for printing: NFC text, dd/MM/yyyy dates, "Đã hủy" in Ghi chú when cancelled. */
export function prepareRow(columns: readonly RegisterColumn[], noteIndex: number, row: ReportRow): PreparedRow {
  const cells = columns.map((column, i) => {
    // NFC: a decomposed "ộ" (o + two combining marks) would print as three glyphs and search badly.
    const raw = (row.cells[i] ?? '').normalize('NFC');
    return column.type === 'date' ? formatDateCell(raw) : raw;
  });
  if (row.cancelled && noteIndex >= 0) {
    const note = cells[noteIndex] ?? '';
    if (!note.includes(CANCELLED_MARK)) cells[noteIndex] = note.trim() === '' ? CANCELLED_MARK : `${note}\n${CANCELLED_MARK}`;
  }
  return { cells, cancelled: row.cancelled };
}

/** Row preparation bound to a register kind. */
export function rowPreparer(kind: RegisterReportRequest['kind']): (row: ReportRow) => PreparedRow {
  const columns = registerColumns(kind);
  const noteIndex = noteColumnIndex(kind);
  return (row) => prepareRow(columns, noteIndex, row);
}

/** The leading integer of a số đến or of a "số, ký hiệu" such as "125/QĐ-UBND"; null when there is none. */
export function leadingNumber(text: string): number | null {
  const m = /^\s*(\d{1,9})/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Earliest and latest date, lowest and highest number of the rows, for the cover. */
export function registerSpan(kind: RegisterReportRequest['kind'], rows: readonly ReportRow[]): RegisterSpan {
  const { dateIndex, numberIndex } = registerSpanColumns(kind);
  let fromIso: string | null = null;
  let toIso: string | null = null;
  let fromNumber: number | null = null;
  let toNumber: number | null = null;
  for (const row of rows) {
    const iso = parseDateVN(formatDateCell(row.cells[dateIndex] ?? ''));
    if (iso !== null) {
      if (fromIso === null || iso < fromIso) fromIso = iso;
      if (toIso === null || iso > toIso) toIso = iso;
    }
    const n = leadingNumber(row.cells[numberIndex] ?? '');
    if (n !== null) {
      if (fromNumber === null || n < fromNumber) fromNumber = n;
      if (toNumber === null || n > toNumber) toNumber = n;
    }
  }
  return {
    fromDate: fromIso === null ? null : formatDateVN(fromIso),
    toDate: toIso === null ? null : formatDateVN(toIso),
    fromNumber,
    toNumber,
  };
}

/** The cover lines under the title, with dots where the register is empty (filled in by hand). */
export function coverLines(year: number, span: RegisterSpan): string[] {
  const dots = '…………';
  return [
    `Năm ${year}`,
    `Từ ngày ${span.fromDate ?? dots} đến ngày ${span.toDate ?? dots}`,
    `Từ số ${span.fromNumber ?? dots} đến số ${span.toNumber ?? dots}`,
    'Quyển số: 01',
  ];
}
