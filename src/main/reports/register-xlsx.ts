/**
 * The register exported to .xlsx with exceljs's streaming writer: rows are committed as they are written, so
 * a register of 200,000 rows does not keep 2,000,000 cell objects alive. Same columns and markings as the
 * printed register (NĐ 30 Phụ lục IV; cancelled entries stay, struck through, "Đã hủy" in Ghi chú).
 */
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { RegisterReportRequest } from '../../shared/api/schemas';
import { noteColumnIndex, registerColumns, registerTitle } from '../../shared/domain/register-layout';
import { throwIfCancelled } from '../jobs/job-runner';
import type { RenderControl } from './register-pdf';
import { coverLines, registerSpan, rowPreparer } from './register-rows';

/** Sheet names (Excel allows 31 characters, no `/`). */
export function registerSheetName(kind: RegisterReportRequest['kind']): string {
  return kind === 'incoming' ? 'Sổ văn bản đến' : 'Sổ văn bản đi';
}

/** Row number of the column headings: unit, title, year and span, filter note, then the headings. */
export const XLSX_HEADER_ROW = 5;

const ROWS_PER_BATCH = 1000;
/** Excel column width units per millimetre (one unit is about 1.9 mm of Calibri 11 at 100 %). */
const WIDTH_PER_MM = 0.55;

const border: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const cellAlignment: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * Writes the workbook and returns its bytes. Rejects with AppFailure CANCELLED when the signal is aborted
 * (checked between row batches). Rows must already have passed `assertRowsFitColumns`.
 */
export async function renderRegisterXlsx(req: RegisterReportRequest, control: RenderControl): Promise<Uint8Array> {
  const columns = registerColumns(req.kind);
  const noteIndex = noteColumnIndex(req.kind);
  const prepare = rowPreparer(req.kind);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(sink);

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Văn thư số';
  const title = registerTitle(req.kind);
  workbook.title = `${title} năm ${req.year}`;
  const sheet = workbook.addWorksheet(registerSheetName(req.kind), {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`;
  sheet.columns = columns.map((c) => ({ key: c.key, width: Math.round(c.widthMm * WIDTH_PER_MM * 10) / 10 }));

  try {
    const lastColumn = String.fromCharCode('A'.charCodeAt(0) + columns.length - 1);
    const [yearLine, ...spanLines] = coverLines(req.year, registerSpan(req.kind, req.rows));
    const titleRows: [string, Partial<ExcelJS.Font>][] = [
      [req.unitName.normalize('NFC').toUpperCase(), { bold: true, size: 12 }],
      [title, { bold: true, size: 14 }],
      [[yearLine, ...spanLines].join(' · '), { size: 11 }],
      [req.filterNote.normalize('NFC').trim(), { italic: true, size: 10 }],
    ];
    titleRows.forEach(([text, font], i) => {
      const row = sheet.getRow(i + 1);
      row.getCell(1).value = text;
      row.getCell(1).font = font;
      row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      sheet.mergeCells(`A${i + 1}:${lastColumn}${i + 1}`);
      row.commit();
    });

    const header = sheet.getRow(XLSX_HEADER_ROW);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.title;
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      cell.border = border;
    });
    header.commit();

    const total = req.rows.length;
    control.progress(0, total);
    for (let r = 0; r < total; r++) {
      const source = req.rows[r];
      if (source === undefined) continue;
      const prepared = prepare(source);
      const row = sheet.getRow(XLSX_HEADER_ROW + 1 + r);
      prepared.cells.forEach((text, i) => {
        const cell = row.getCell(i + 1);
        cell.value = text;
        cell.alignment = cellAlignment;
        cell.border = border;
        if (prepared.cancelled && i !== noteIndex) cell.font = { strike: true };
      });
      row.commit();
      if ((r + 1) % ROWS_PER_BATCH === 0) {
        throwIfCancelled(control.signal);
        control.progress(r + 1, total);
        await nextTick();
        throwIfCancelled(control.signal);
      }
    }
    throwIfCancelled(control.signal);
    sheet.commit();
    await workbook.commit();
    await done;
    control.progress(total, total);
  } catch (cause) {
    // A cancelled or failed export leaves nothing behind: drop what was written so far.
    sink.destroy();
    chunks.length = 0;
    await done.catch(() => undefined);
    throw cause;
  }
  return new Uint8Array(Buffer.concat(chunks));
}
