/**
 * Kinds of administrative document: NĐ 30/2020/NĐ-CP Art. 7 (the 29 types, in the decree's order) and
 * Phụ lục III I (their abbreviations); copies (Art. 25; Phụ lục I Phần II II.1c: SY, TrS, SL). See
 * standards.md §4.1. Ids are stable ASCII and are what the database stores; names are what the document says.
 */
import { z } from 'zod';
import { foldVietnamese } from '../util/search-text';

export const DOCUMENT_TYPE_IDS = [
  'nghi-quyet',
  'quyet-dinh',
  'chi-thi',
  'quy-che',
  'quy-dinh',
  'thong-cao',
  'thong-bao',
  'huong-dan',
  'chuong-trinh',
  'ke-hoach',
  'phuong-an',
  'de-an',
  'du-an',
  'bao-cao',
  'bien-ban',
  'to-trinh',
  'hop-dong',
  'cong-van',
  'cong-dien',
  'ban-ghi-nho',
  'ban-thoa-thuan',
  'giay-uy-quyen',
  'giay-moi',
  'giay-gioi-thieu',
  'giay-nghi-phep',
  'phieu-gui',
  'phieu-chuyen',
  'phieu-bao',
  'thu-cong',
  'ban-sao-y',
  'ban-trich-sao',
  'ban-sao-luc',
] as const;

export type DocumentTypeId = (typeof DOCUMENT_TYPE_IDS)[number];

export const DocumentTypeIdSchema = z.enum(DOCUMENT_TYPE_IDS);

export interface DocumentType {
  id: DocumentTypeId;
  /** Vietnamese name as printed on the document (tên loại), e.g. 'Quyết định'. */
  name: string;
  /** Phụ lục III abbreviation, letter case significant ('QyĐ', 'CTr'); null for Công văn and Thư công. */
  abbreviation: string | null;
  /** Position in NĐ 30 Art. 7 (1–29; Công văn is 18). Copies, not in Art. 7, follow as 30–32. */
  order: number;
  kind: 'administrative' | 'copy';
}

type Row = readonly [DocumentTypeId, string, string | null];

// Art. 7 order, then the three copy kinds (Art. 25).
const ADMINISTRATIVE: readonly Row[] = [
  ['nghi-quyet', 'Nghị quyết', 'NQ'],
  ['quyet-dinh', 'Quyết định', 'QĐ'],
  ['chi-thi', 'Chỉ thị', 'CT'],
  ['quy-che', 'Quy chế', 'QC'],
  ['quy-dinh', 'Quy định', 'QyĐ'],
  ['thong-cao', 'Thông cáo', 'TC'],
  ['thong-bao', 'Thông báo', 'TB'],
  ['huong-dan', 'Hướng dẫn', 'HD'],
  ['chuong-trinh', 'Chương trình', 'CTr'],
  ['ke-hoach', 'Kế hoạch', 'KH'],
  ['phuong-an', 'Phương án', 'PA'],
  ['de-an', 'Đề án', 'ĐA'],
  ['du-an', 'Dự án', 'DA'],
  ['bao-cao', 'Báo cáo', 'BC'],
  ['bien-ban', 'Biên bản', 'BB'],
  ['to-trinh', 'Tờ trình', 'TTr'],
  ['hop-dong', 'Hợp đồng', 'HĐ'],
  ['cong-van', 'Công văn', null],
  ['cong-dien', 'Công điện', 'CĐ'],
  ['ban-ghi-nho', 'Bản ghi nhớ', 'BGN'],
  ['ban-thoa-thuan', 'Bản thỏa thuận', 'BTT'],
  ['giay-uy-quyen', 'Giấy ủy quyền', 'GUQ'],
  ['giay-moi', 'Giấy mời', 'GM'],
  ['giay-gioi-thieu', 'Giấy giới thiệu', 'GGT'],
  ['giay-nghi-phep', 'Giấy nghỉ phép', 'GNP'],
  ['phieu-gui', 'Phiếu gửi', 'PG'],
  ['phieu-chuyen', 'Phiếu chuyển', 'PC'],
  ['phieu-bao', 'Phiếu báo', 'PB'],
  ['thu-cong', 'Thư công', null],
];

const COPIES: readonly Row[] = [
  ['ban-sao-y', 'Bản sao y', 'SY'],
  ['ban-trich-sao', 'Bản trích sao', 'TrS'],
  ['ban-sao-luc', 'Bản sao lục', 'SL'],
];

/** Every document type, Art. 7 order first, then the copies. */
export const DOCUMENT_TYPES: readonly DocumentType[] = Object.freeze([
  ...ADMINISTRATIVE.map(([id, name, abbreviation], i) =>
    Object.freeze({ id, name, abbreviation, order: i + 1, kind: 'administrative' as const }),
  ),
  ...COPIES.map(([id, name, abbreviation], i) =>
    Object.freeze({ id, name, abbreviation, order: ADMINISTRATIVE.length + 1 + i, kind: 'copy' as const }),
  ),
]);

const BY_ID = new Map<string, DocumentType>(DOCUMENT_TYPES.map((t) => [t.id, t]));
const BY_FOLDED_NAME = new Map<string, DocumentType>();
for (const t of DOCUMENT_TYPES) {
  BY_FOLDED_NAME.set(foldVietnamese(t.name), t);
  // Copies are also written without "Bản": "Sao y", "Trích sao", "Sao lục".
  if (t.kind === 'copy') BY_FOLDED_NAME.set(foldVietnamese(t.name.replace(/^Bản /u, '')), t);
}

/** Whether `value` is a known DocumentTypeId. */
export function isDocumentTypeId(value: unknown): value is DocumentTypeId {
  return typeof value === 'string' && BY_ID.has(value);
}

/** The type with this id, or undefined. */
export function documentTypeById(id: string): DocumentType | undefined {
  return BY_ID.get(id);
}

/**
 * The type with this name, ignoring case, diacritics, old-style tone placement ('thoả'/'thỏa'), extra spaces
 * and the qualifier "(cá biệt)" that Art. 7 adds to Nghị quyết and Quyết định.
 */
export function documentTypeByName(name: string): DocumentType | undefined {
  if (typeof name !== 'string') return undefined;
  const folded = foldVietnamese(name.replace(/\(\s*cá biệt\s*\)/giu, ' ').replace(/\(\s*ca biet\s*\)/giu, ' '));
  return BY_FOLDED_NAME.get(folded);
}

function normalizeAbbreviation(abbr: string): string {
  return abbr.normalize('NFC').trim().replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ');
}

/**
 * The type with this abbreviation. Letter case matters in Phụ lục III ('QĐ' vs 'QyĐ'), so an exact match wins;
 * otherwise a case-insensitive match; otherwise a diacritic-free match when it is unambiguous ('qd' → QĐ, but
 * 'HD' stays Hướng dẫn and 'DA' Dự án because those are exact).
 */
export function documentTypeByAbbreviation(abbr: string): DocumentType | undefined {
  if (typeof abbr !== 'string') return undefined;
  const wanted = normalizeAbbreviation(abbr);
  if (wanted === '') return undefined;
  const exact = DOCUMENT_TYPES.find((t) => t.abbreviation === wanted);
  if (exact) return exact;
  const lower = wanted.toLowerCase();
  const caseless = DOCUMENT_TYPES.filter((t) => t.abbreviation?.toLowerCase() === lower);
  if (caseless.length === 1) return caseless[0];
  const folded = foldVietnamese(wanted);
  const loose = DOCUMENT_TYPES.filter((t) => t.abbreviation !== null && foldVietnamese(t.abbreviation) === folded);
  return loose.length === 1 ? loose[0] : undefined;
}
