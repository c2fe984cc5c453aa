// A register row as display text in the NĐ 30 Phụ lục IV column order; filters → RegisterFilter; file names.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { INCOMING_REGISTER_COLUMNS, OUTGOING_REGISTER_COLUMNS } from '../../../../../src/shared/domain/register-layout';
import type { RegisterRow } from '../../../../../src/renderer/db/records';
import { reportRow, rowCells } from '../../../../../src/renderer/features/registers/register-cells';
import { filterNoteOf, toRegisterFilter } from '../../../../../src/renderer/features/registers/RegisterView';
import { reportFileName } from '../../../../../src/renderer/features/registers/useRegisterReport';

const at = (iso: string) => Date.parse(iso);

function row(patch: Partial<RegisterRow['entry']> = {}): RegisterRow {
  return {
    document: {
      id: 'd1',
      direction: 'incoming',
      typeId: 'quyet-dinh',
      codeNotation: '12/QĐ-UBND',
      issuer: 'Sở Nội vụ tỉnh Lai Châu',
      documentDate: '2026-11-18',
      abstract: 'Phê duyệt Đề án đào tạo cán bộ xã',
      urgency: 'khan',
      confidentiality: 'thuong',
      fileSha256: 'b'.repeat(64),
      fileSize: 1234,
      createdAt: at('2026-11-24T02:00:00Z'),
      createdBy: 'vanthu',
    },
    entry: {
      id: 7,
      registerId: 'incoming-2026',
      kind: 'incoming',
      year: 2026,
      number: 2,
      documentId: 'd1',
      arrivedAt: at('2026-11-24T16:30:00Z'), // 23:30 on 24/11 in Hà Nội
      legalReceiptAt: at('2026-11-25T00:30:00Z'),
      receiptRule: { kind: 'after-hours' },
      status: 'active',
      handling: 'waiting',
      urgency: 'khan',
      issuerFolded: 'so noi vu tinh lai chau',
      searchText: '',
      searchTokens: [],
      ...patch,
    },
  };
}

describe('rowCells', () => {
  it('gives the ten incoming columns in order, dates dd/MM/yyyy in Vietnam time', () => {
    const cells = rowCells('incoming', row({ transferredAt: at('2026-11-25T03:00:00Z'), transferredTo: 'Trần Văn Lãnh Đạo' }));
    expect(cells).toHaveLength(INCOMING_REGISTER_COLUMNS.length);
    expect(cells).toEqual([
      '24/11/2026',
      '2',
      'Sở Nội vụ tỉnh Lai Châu',
      '12/QĐ-UBND',
      '18/11/2026',
      'Quyết định: Phê duyệt Đề án đào tạo cán bộ xã',
      'Trần Văn Lãnh Đạo',
      '25/11/2026',
      '',
      '',
    ]);
  });

  it('marks a cancelled entry "Đã hủy" with its reason in Ghi chú and keeps its number (Art. 9.4)', () => {
    const cancelled = row({ status: 'cancelled', cancelReason: 'Đăng ký nhầm', cancelledAt: at('2026-11-25T01:00:00Z') });
    const cells = rowCells('incoming', cancelled);
    expect(cells[1]).toBe('2');
    expect(cells[9]).toBe('Đã hủy: Đăng ký nhầm');
    expect(reportRow('incoming', cancelled)).toEqual({ cells, cancelled: true });
    expect(reportRow('incoming', row()).cancelled).toBe(false);
  });

  it('fills the outgoing layout with its own ten columns', () => {
    const cells = rowCells('outgoing', row());
    expect(cells).toHaveLength(OUTGOING_REGISTER_COLUMNS.length);
    expect(cells[0]).toBe('12/QĐ-UBND');
    expect(cells[1]).toBe('18/11/2026');
  });
});

describe('register filters', () => {
  const base = { year: 2026, urgency: 'all' as const, sender: '', status: 'all' as const, text: '' };

  it('drops "all" and empty conditions', () => {
    expect(toRegisterFilter('incoming', base)).toEqual({ kind: 'incoming', year: 2026 });
    expect(toRegisterFilter('incoming', { ...base, urgency: 'hoa-toc', sender: 'so noi vu', status: 'cancelled', text: '  de an ' })).toEqual({
      kind: 'incoming',
      year: 2026,
      urgency: 'hoa-toc',
      sender: 'so noi vu',
      status: 'cancelled',
      text: 'de an',
    });
  });

  it('describes the filters in Vietnamese for the printed register', () => {
    expect(filterNoteOf(base, '')).toBe('');
    expect(filterNoteOf({ ...base, urgency: 'khan', status: 'cancelled', text: 'de an' }, '')).toBe('Độ khẩn: Khẩn; Trạng thái: Đã hủy; Tìm: "de an"');
  });

  it('names the downloads so-van-ban-den|di-<year>', () => {
    expect(reportFileName('incoming', 2026, 'pdf')).toBe('so-van-ban-den-2026.pdf');
    expect(reportFileName('outgoing', 2027, 'xlsx')).toBe('so-van-ban-di-2027.xlsx');
  });
});
