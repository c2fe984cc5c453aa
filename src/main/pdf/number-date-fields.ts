/**
 * The clerk's number and date as form fields (pdf-signing.md §2): created before anyone signs, filled in an
 * incremental update after the personal signature (Art. 11.1c), so the personal signature sees only an allowed
 * "form fill". Values are drawn with the embedded Vietnamese font on a white background inside the field rect.
 */
import { PDFName, PDFHexString, TextAlignment, rgb } from '@cantoo/pdf-lib';
import { AppFailure } from '../../shared/api/result';
import { parseIsoDate } from '../../shared/util/time';
import { embedAppearanceFont, type Rect } from './appearance';
import { loadForUpdate, saveIncrement } from './pades-sign';
import { findAnchors, textItems } from './text-anchors';

export const NUMBER_FIELD = 'SoKyHieu';
export const DATE_FIELD = 'NgayBanHanh';

/** NĐ 30 Phụ lục I: day below 10 and months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2026"). */
export function issuingDateText(isoDate: string, prefix = ''): string {
  const d = parseIsoDate(isoDate);
  if (!d) throw new AppFailure('VALIDATION', `Ngày ban hành không hợp lệ: ${isoDate}`);
  const day = String(d.day).padStart(2, '0');
  const month = d.month <= 2 ? `0${d.month}` : String(d.month);
  return `${prefix}ngày ${day} tháng ${month} năm ${d.year}`;
}

/** True when the draft already has both fields. */
export async function hasNumberDateFields(bytes: Uint8Array): Promise<boolean> {
  const doc = await loadForUpdate(bytes);
  const names = doc.catalog.getAcroForm()?.getAllFields().map(([f]) => f.getFullyQualifiedName()) ?? [];
  return names.includes(NUMBER_FIELD) && names.includes(DATE_FIELD);
}

/** Where the clerk dragged the fields (page index from 0, PDF points); missing ones are auto-placed. */
export interface FieldPlacement {
  number?: Rect & { page: number };
  date?: Rect & { page: number; prefix?: string };
}

/**
 * Step "Chuẩn bị": add the two empty text fields at the "Số:" and date lines (found by pdf.js) or where the
 * clerk dragged them, as an incremental update. Errors: VALIDATION (encrypted, fields present already, page
 * out of range).
 */
export async function prepareNumberDateFields(original: Uint8Array, placement: FieldPlacement = {}): Promise<Uint8Array> {
  const doc = await loadForUpdate(original);
  const form = doc.getForm();
  const existing = form.getFields().map((f) => f.getName());
  if (existing.includes(NUMBER_FIELD) || existing.includes(DATE_FIELD)) throw new AppFailure('VALIDATION', 'Dự thảo đã có trường số và ngày');
  const found = findAnchors(await textItems(original), null, doc.getPageCount() - 1);
  const anchors = {
    number: placement.number ?? found.number,
    date: placement.date ? { ...placement.date, prefix: placement.date.prefix ?? '' } : found.date,
  };
  for (const a of [anchors.number, anchors.date]) {
    if (a.page < 0 || a.page >= doc.getPageCount()) throw new AppFailure('VALIDATION', `Trang ${a.page + 1} không có trong tài liệu`);
  }
  const font = await embedAppearanceFont(doc);
  const page = doc.getPage(anchors.number.page);
  const number = form.createTextField(NUMBER_FIELD);
  number.addToPage(page, { ...anchors.number, font, borderWidth: 0, backgroundColor: rgb(1, 1, 1) });
  const date = form.createTextField(DATE_FIELD);
  date.addToPage(doc.getPage(anchors.date.page), { ...anchors.date, font, borderWidth: 0, backgroundColor: rgb(1, 1, 1) });
  // Set now what setText/setAlignment would otherwise write later (/Ff, /Q), so the fill after the personal
  // signature changes only /V and the appearance.
  number.disableRichFormatting();
  number.setAlignment(TextAlignment.Right);
  date.disableRichFormatting();
  // The place name before "ngày" is kept in /TU so the fill step can redraw the whole line.
  date.acroField.dict.set(PDFName.of('TU'), PDFHexString.fromText(anchors.date.prefix));
  return saveIncrement(doc, original);
}

/**
 * Step "Cấp số": the clerk fills number and date (from the outgoing register entry) as an incremental
 * update. Errors: VALIDATION (fields missing, bad date, empty number).
 */
export async function fillNumberDate(original: Uint8Array, numberText: string, isoDate: string): Promise<Uint8Array> {
  if (numberText.trim() === '') throw new AppFailure('VALIDATION', 'Số văn bản trống');
  const doc = await loadForUpdate(original);
  const form = doc.getForm();
  const names = form.getFields().map((f) => f.getName());
  if (!names.includes(NUMBER_FIELD) || !names.includes(DATE_FIELD)) throw new AppFailure('VALIDATION', 'Văn bản chưa có trường số và ngày (bước Chuẩn bị)');
  const font = await embedAppearanceFont(doc);
  const number = form.getTextField(NUMBER_FIELD);
  const date = form.getTextField(DATE_FIELD);
  const tu = date.acroField.dict.lookup(PDFName.of('TU'));
  const prefix = tu instanceof PDFHexString ? tu.decodeText() : '';
  number.setText(numberText.trim());
  date.setText(issuingDateText(isoDate, prefix));
  number.updateAppearances(font);
  date.updateAppearances(font);
  return saveIncrement(doc, original);
}
