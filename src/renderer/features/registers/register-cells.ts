/**
 * A register row as display text, cell by cell in the NĐ 30 Phụ lục IV column order of register-layout.ts.
 * The screen and the printed/exported register (reports.registerPdf / registerXlsx) use the same text.
 */
import { registerColumns, CANCELLED_MARK } from '../../../shared/domain/register-layout';
import type { RegisterKind, ReportRow } from '../../../shared/api/schemas';
import { documentTypeById } from '../../../shared/domain/document-types';
import { formatDateVN } from '../../../shared/util/time';
import type { RegisterRow } from '../../db/records';

function dateOf(ms: number | undefined): string {
  return ms === undefined ? '' : formatDateVN(new Date(ms));
}

function noteOf(row: RegisterRow): string {
  const note = row.document.note ?? '';
  if (row.entry.status !== 'cancelled') return note;
  // Art. 9.4/9.5: the cancelled entry keeps its number and says why it was cancelled.
  const mark = row.entry.cancelReason ? `${CANCELLED_MARK}: ${row.entry.cancelReason}` : CANCELLED_MARK;
  return note ? `${mark}. ${note}` : mark;
}

function cellFor(key: string, row: RegisterRow): string {
  const { entry, document } = row;
  switch (key) {
    // "Ngày đến" is the day the document reached the clerk (arrivedAt). The legal receipt time of Art. 10.5,
    // which may be the next working morning, is shown on registration and in the waiting list.
    case 'arrivalDate':
      return dateOf(entry.arrivedAt);
    case 'arrivalNumber':
      return String(entry.number);
    case 'author':
      return document.issuer;
    case 'codeNotation':
      return document.codeNotation;
    case 'documentDate':
      return formatDateVN(document.documentDate);
    case 'typeAndSubject': {
      const type = documentTypeById(document.typeId)?.name ?? '';
      return type ? `${type}: ${document.abstract}` : document.abstract;
    }
    case 'recipient':
    case 'destination':
      return document.recipient ?? entry.transferredTo ?? '';
    case 'transferDate':
      // Outgoing: the day the clerk issued it (Art. 11.1d); incoming: the day it went to the leader.
      return dateOf(entry.kind === 'outgoing' ? entry.issuedAt : entry.transferredAt);
    case 'signer':
      return document.signer ?? '';
    case 'note':
      return noteOf(row);
    default:
      // Ký nhận (signed on paper), Người ký, bản lưu, số lượng bản: not held for these entries yet.
      return '';
  }
}

/** The cells of one row, in the column order of its register kind. */
export function rowCells(kind: RegisterKind, row: RegisterRow): string[] {
  return registerColumns(kind).map((c) => cellFor(c.key, row));
}

/** The row as sent to reports.registerPdf / registerXlsx. */
export function reportRow(kind: RegisterKind, row: RegisterRow): ReportRow {
  return { cells: rowCells(kind, row), cancelled: row.entry.status === 'cancelled' };
}
