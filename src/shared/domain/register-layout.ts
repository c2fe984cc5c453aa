/**
 * The columns of the incoming and outgoing registers, as data (NĐ 30/2020/NĐ-CP Phụ lục IV; standards.md §4.5).
 * The printed PDF, the .xlsx export and the renderer's register views all read these, so the order and the
 * wording of a column are decided here once. Pure: no platform imports.
 */

/** Which register: sổ đăng ký văn bản đến (incoming) or đi (outgoing). */
export type RegisterKindName = 'incoming' | 'outgoing';

/** How a cell's text is treated when printed: dates are shown as dd/MM/yyyy. */
export type RegisterCellType = 'text' | 'date' | 'number';

export interface RegisterColumn {
  /** Stable English identifier of the column. */
  readonly key: string;
  /** Column heading exactly as in Phụ lục IV. */
  readonly title: string;
  /** Width on an A4 landscape page, in millimetres; the widths of one register add up to REGISTER_PAGE's content width. */
  readonly widthMm: number;
  readonly type: RegisterCellType;
}

/** A4 landscape with the margins used for the printed register (mm). */
export const REGISTER_PAGE = {
  widthMm: 297,
  heightMm: 210,
  marginTopMm: 15,
  marginBottomMm: 15,
  marginLeftMm: 20,
  marginRightMm: 15,
} as const;

/** Width left for the table: 297 − 20 − 15 = 262 mm. */
export const REGISTER_CONTENT_WIDTH_MM = REGISTER_PAGE.widthMm - REGISTER_PAGE.marginLeftMm - REGISTER_PAGE.marginRightMm;

/** Sổ đăng ký văn bản đến: the ten columns of Phụ lục IV, in order (Art. 22.3b asks for it printed in full). */
export const INCOMING_REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'arrivalDate', title: 'Ngày đến', widthMm: 20, type: 'date' },
  { key: 'arrivalNumber', title: 'Số đến', widthMm: 16, type: 'number' },
  { key: 'author', title: 'Tác giả', widthMm: 34, type: 'text' },
  { key: 'codeNotation', title: 'Số, ký hiệu văn bản', widthMm: 26, type: 'text' },
  { key: 'documentDate', title: 'Ngày tháng văn bản', widthMm: 20, type: 'date' },
  { key: 'typeAndSubject', title: 'Tên loại và trích yếu nội dung văn bản', widthMm: 62, type: 'text' },
  { key: 'recipient', title: 'Đơn vị hoặc người nhận', widthMm: 30, type: 'text' },
  { key: 'transferDate', title: 'Ngày chuyển', widthMm: 18, type: 'date' },
  { key: 'receiptSignature', title: 'Ký nhận', widthMm: 18, type: 'text' },
  { key: 'note', title: 'Ghi chú', widthMm: 18, type: 'text' },
];

/** Sổ đăng ký văn bản đi: the ten columns of Phụ lục IV, in order (Art. 16.2b). */
export const OUTGOING_REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'codeNotation', title: 'Số, ký hiệu văn bản', widthMm: 28, type: 'text' },
  { key: 'documentDate', title: 'Ngày tháng văn bản', widthMm: 20, type: 'date' },
  { key: 'typeAndSubject', title: 'Tên loại và trích yếu nội dung văn bản', widthMm: 64, type: 'text' },
  { key: 'signer', title: 'Người ký', widthMm: 28, type: 'text' },
  { key: 'destination', title: 'Nơi nhận văn bản', widthMm: 34, type: 'text' },
  { key: 'archiveHolder', title: 'Đơn vị, người nhận bản lưu', widthMm: 28, type: 'text' },
  { key: 'copies', title: 'Số lượng bản', widthMm: 14, type: 'number' },
  { key: 'transferDate', title: 'Ngày chuyển', widthMm: 18, type: 'date' },
  { key: 'receiptSignature', title: 'Ký nhận', widthMm: 14, type: 'text' },
  { key: 'note', title: 'Ghi chú', widthMm: 14, type: 'text' },
];

/** The columns of a register kind. */
export function registerColumns(kind: RegisterKindName): readonly RegisterColumn[] {
  return kind === 'incoming' ? INCOMING_REGISTER_COLUMNS : OUTGOING_REGISTER_COLUMNS;
}

/** The heading printed on the cover and above the table. */
export function registerTitle(kind: RegisterKindName): string {
  return kind === 'incoming' ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐI';
}

/**
 * Which columns give the cover's "Từ ngày … đến ngày …" and "Từ số … đến số …": the arrival date and số đến for
 * incoming, the document date and the number in front of the ký hiệu for outgoing (standards.md §4.5).
 */
export function registerSpanColumns(kind: RegisterKindName): { dateIndex: number; numberIndex: number } {
  return kind === 'incoming' ? { dateIndex: 0, numberIndex: 1 } : { dateIndex: 1, numberIndex: 0 };
}

/** Index of the "Ghi chú" column, where a cancelled entry is marked "Đã hủy". */
export function noteColumnIndex(kind: RegisterKindName): number {
  return registerColumns(kind).findIndex((column) => column.key === 'note');
}

/** The text added to "Ghi chú" of a cancelled entry: a cancelled number stays in the register, marked. */
export const CANCELLED_MARK = 'Đã hủy';
