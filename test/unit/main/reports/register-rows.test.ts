import { describe, expect, it } from 'vitest';
import {
  assertRowsFitColumns,
  coverLines,
  formatDateCell,
  leadingNumber,
  prepareRow,
  registerSpan,
  rowPreparer,
} from '../../../../src/main/reports/register-rows';
import { AppFailure } from '../../../../src/shared/api/result';
import type { RegisterReportRequest, ReportRow } from '../../../../src/shared/api/schemas';
import {
  INCOMING_REGISTER_COLUMNS,
  OUTGOING_REGISTER_COLUMNS,
  REGISTER_CONTENT_WIDTH_MM,
  noteColumnIndex,
  registerColumns,
  registerTitle,
} from '../../../../src/shared/domain/register-layout';

const row = (cells: string[], cancelled = false): ReportRow => ({ cells, cancelled });
const ten = (overrides: Record<number, string> = {}): string[] => Array.from({ length: 10 }, (_, i) => overrides[i] ?? '');
const req = (rows: ReportRow[], kind: RegisterReportRequest['kind'] = 'incoming'): RegisterReportRequest => ({
  kind,
  year: 2026,
  unitName: 'UBND xã',
  filterNote: '',
  rows,
});

describe('register layout (NĐ 30 Phụ lục IV, standards.md §4.5)', () => {
  it('has the ten columns of each register in the order of the appendix', () => {
    expect(INCOMING_REGISTER_COLUMNS.map((c) => c.title)).toEqual([
      'Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu văn bản', 'Ngày tháng văn bản',
      'Tên loại và trích yếu nội dung văn bản', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
    ]);
    expect(OUTGOING_REGISTER_COLUMNS.map((c) => c.title)).toEqual([
      'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký',
      'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
    ]);
  });

  it('fits each register on A4 landscape between the margins, with unique keys', () => {
    for (const kind of ['incoming', 'outgoing'] as const) {
      const columns = registerColumns(kind);
      expect(columns.reduce((sum, c) => sum + c.widthMm, 0)).toBe(REGISTER_CONTENT_WIDTH_MM);
      expect(new Set(columns.map((c) => c.key)).size).toBe(columns.length);
      expect(columns[noteColumnIndex(kind)]?.title).toBe('Ghi chú');
    }
    expect(registerTitle('incoming')).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(registerTitle('outgoing')).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
  });
});

describe('assertRowsFitColumns', () => {
  it('accepts rows of exactly ten cells', () => {
    expect(() => assertRowsFitColumns(req([row(ten()), row(ten())]))).not.toThrow();
    expect(() => assertRowsFitColumns(req([]))).not.toThrow();
  });

  it('refuses the first row with the wrong number of cells, in Vietnamese, naming the row', () => {
    let error: unknown;
    try {
      assertRowsFitColumns(req([row(ten()), row(['a', 'b'])]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppFailure);
    expect(error).toMatchObject({ code: 'VALIDATION', details: { row: 2, expected: 10, got: 2 } });
    expect((error as Error).message).toBe('Dòng 2 có 2 cột, sổ này cần đúng 10 cột.');
  });
});

describe('formatDateCell', () => {
  it.each([
    ['2026-01-05', '05/01/2026'],
    ['5/1/2026', '05/01/2026'],
    ['05/01/2026', '05/01/2026'],
    // An instant is read in Vietnam time (UTC+7): 18:30 UTC on the 4th is the 5th in Hà Nội.
    ['2026-01-04T18:30:00Z', '05/01/2026'],
    ['2026-01-05T09:30:00+07:00', '05/01/2026'],
    ['', ''],
    ['chưa chuyển', 'chưa chuyển'],
    ['2026-02-30', '2026-02-30'],
  ])('%s → %s', (input, expected) => {
    expect(formatDateCell(input)).toBe(expected);
  });
});

describe('prepareRow', () => {
  const columns = INCOMING_REGISTER_COLUMNS;
  const noteIndex = noteColumnIndex('incoming');

  it('writes dates as dd/MM/yyyy only in date columns and composes decomposed Vietnamese (NFC)', () => {
    const prepared = prepareRow(columns, noteIndex, row(ten({ 0: '2026-03-02', 3: '2026-03-02', 5: 'Quye\u0302\u0301t đi\u0323nh' })));
    expect(prepared.cells[0]).toBe('02/03/2026');
    expect(prepared.cells[3]).toBe('2026-03-02'); // a "số, ký hiệu" is text, never rewritten
    expect(prepared.cells[5]).toBe('Quyết định');
  });

  it('marks a cancelled entry "Đã hủy" in Ghi chú, keeping an existing note', () => {
    expect(prepareRow(columns, noteIndex, row(ten(), true)).cells[9]).toBe('Đã hủy');
    expect(prepareRow(columns, noteIndex, row(ten({ 9: 'Khẩn' }), true)).cells[9]).toBe('Khẩn\nĐã hủy');
    expect(prepareRow(columns, noteIndex, row(ten({ 9: 'Đã hủy' }), true)).cells[9]).toBe('Đã hủy');
    expect(prepareRow(columns, noteIndex, row(ten({ 9: 'Khẩn' }), false)).cells[9]).toBe('Khẩn');
  });

  it('rowPreparer binds the columns of a kind', () => {
    const prepared = rowPreparer('outgoing')(row(ten({ 1: '2026-12-31' }), true));
    expect(prepared.cells[1]).toBe('31/12/2026');
    expect(prepared.cells[9]).toBe('Đã hủy');
    expect(prepared.cancelled).toBe(true);
  });
});

describe('cover span', () => {
  it('takes the earliest and latest arrival date and số đến of an incoming register', () => {
    const rows = [
      row(ten({ 0: '2026-03-05', 1: '12' })),
      row(ten({ 0: '02/01/2026', 1: '3' })),
      row(ten({ 0: '2026-11-30', 1: '140' }), true), // a cancelled number still counts: it stays in the register
    ];
    expect(registerSpan('incoming', rows)).toEqual({ fromDate: '02/01/2026', toDate: '30/11/2026', fromNumber: 3, toNumber: 140 });
  });

  it('reads the number in front of the ký hiệu of an outgoing register', () => {
    const rows = [row(ten({ 0: '125/QĐ-UBND', 1: '2026-06-01' })), row(ten({ 0: '7/TB-UBND', 1: '2026-02-01' }))];
    expect(registerSpan('outgoing', rows)).toEqual({ fromDate: '01/02/2026', toDate: '01/06/2026', fromNumber: 7, toNumber: 125 });
    expect(leadingNumber(' 42/CV')).toBe(42);
    expect(leadingNumber('CV/42')).toBeNull();
  });

  it('prints dots for an empty register', () => {
    expect(coverLines(2026, registerSpan('incoming', []))).toEqual([
      'Năm 2026',
      'Từ ngày ………… đến ngày …………',
      'Từ số ………… đến số …………',
      'Quyển số: 01',
    ]);
  });
});
