/**
 * Box 1 (the issuing agency, under its parent agency when there is one), boxes 10a/10b (secrecy and urgency marks)
 * and the receiving office's ĐẾN stamp (Phụ lục IV), read from the first page's line segments.
 */
import type { ExtractedConfidentiality, ExtractedUrgency } from '../../../shared/api/ocr-schemas';
import { type Box, type Line, lineOf, unionBox } from './layout';
import { matchAgency, type DirectoryAgency } from './agency-directory';
import { fold, freeTextFactor, isCapitals, ocrFactor } from './text-rules';
import { capConfidence, notFound, type Finding } from './finding';

export interface IssuerFinding extends Finding<string> {
  code?: string;
  parent?: string;
  /** Header text as printed (before the directory match). */
  printed: string;
}

// A second header line that starts with a kind of agency is the issuer under its parent ("UBND TỈNH LAI CHÂU / SỞ
// TÀI CHÍNH"); otherwise it continues the name ("ỦY BAN NHÂN DÂN / TỈNH LAI CHÂU", "BỘ KHOA HỌC VÀ / CÔNG NGHỆ").
const AGENCY_KIND = /^(so|ban|cuc|chi cuc|tong cuc|vu|phong|trung tam|van phong|thanh tra|truong|vien|benh vien|cong an|bo chi huy|kho bac|hoi dong|uy ban|doan|dai|bao|quy|ubnd|hdnd|bo)\b/u;

/** A long agency name can run into the quốc hiệu (box 2) with no gutter: the segment is cut before "CỘNG HÒA". */
function splitAtMotto(line: Line): Line[] {
  const i = line.words.findIndex((_, k) => k > 0 && fold(line.words[k + 1]?.text ?? '') === 'hoa' && fold(line.words[k + 2]?.text ?? '').startsWith('xa'));
  if (i <= 0) return [line];
  const w = line.words[i] as Line['words'][number];
  const folded = fold(w.text);
  // "CỘNG" may be clipped by OCR ("ỘNG") or glued to the last word of the name ("NGHỆCỘNG").
  const glued = /^(.+?)c?ong$/u.exec(folded);
  if (!/^c?ong$/u.test(folded) && glued) {
    const keep = [...w.text].slice(0, [...(glued[1] ?? '')].length).join('');
    const part = { ...w, text: keep, x1: w.x0 + ((w.x1 - w.x0) * keep.length) / w.text.length };
    return [lineOf(line.page, [...line.words.slice(0, i), part]), lineOf(line.page, line.words.slice(i + 1))];
  }
  const cut = /ong$/u.test(folded) ? i : i + 1;
  return [lineOf(line.page, line.words.slice(0, cut)), lineOf(line.page, line.words.slice(cut))];
}

/** Box 1: header lines in the left column above the Số line. */
export function findIssuer(all: readonly Line[], numberTop: number, directory: readonly DirectoryAgency[], excluded: (l: Line) => boolean): IssuerFinding {
  const lines = all.flatMap(splitAtMotto);
  const motto = lines.find((l) => l.page === 0 && fold(l.text).startsWith('cong hoa xa hoi'));
  const top = motto ? motto.y0 - 0.02 : 0;
  const header = lines.filter((l) => l.page === 0 && l.y0 >= top && l.y1 <= numberTop && l.cx < 0.45 && /\p{L}{2}/u.test(l.text) && !excluded(l)).slice(0, 4);
  if (header.length === 0) return { ...notFound('', 'không thấy tên cơ quan ban hành ở góc trên bên trái'), printed: '' };
  let own = header;
  let parent: string | undefined;
  if (header.length >= 2) {
    if (AGENCY_KIND.test(fold(header[1]?.text ?? ''))) {
      parent = header[0]?.text;
      own = header.slice(1);
    }
  }
  const printed = own.map((l) => l.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})]+$/gu, '')).join(' ');
  const words = own.flatMap((l) => l.words);
  const box = { page: 0, ...unionBox(own) };
  const matched = matchAgency(printed, directory);
  if (matched) return { value: matched.name, code: matched.code, parent, printed, confidence: Math.max(0.95, ocrFactor(Math.min(...words.map((w) => w.conf)))), box, warnings: [] };
  let f: IssuerFinding = { value: printed, parent, printed, confidence: freeTextFactor(Math.min(...words.map((w) => w.conf))), box, warnings: [] };
  if (!isCapitals(printed)) f = { ...capConfidence(f, 0.6, 'tên cơ quan ban hành không in hoa như quy định'), printed, parent };
  return f;
}

const URGENCY: Record<string, ExtractedUrgency> = { khan: 'khan', 'thuong khan': 'thuong-khan', 'hoa toc': 'hoa-toc' };
const URGENCY_PRINTED: Record<string, string> = { khan: 'KHẨN', 'thuong khan': 'THƯỢNG KHẨN', 'hoa toc': 'HỎA TỐC' };
const SECRECY: Record<string, ExtractedConfidentiality> = { mat: 'mat', 'toi mat': 'toi-mat', 'tuyet mat': 'tuyet-mat' };
const SECRECY_PRINTED: Record<string, string> = { mat: 'MẬT', 'toi mat': 'TỐI MẬT', 'tuyet mat': 'TUYỆT MẬT' };

function bare(text: string): string {
  return text.replace(/[^\p{L} ]/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** Boxes 10a and 10b: a mark standing alone on its line in the upper part of page 1. */
export function findMarks(lines: readonly Line[], pageQuality: number): { urgency: Finding<ExtractedUrgency>; confidentiality: Finding<ExtractedConfidentiality> } {
  const zone = lines.filter((l) => l.page === 0 && l.y0 < 0.45);
  const pickMark = <T extends string>(table: Record<string, T>, printed: Record<string, string>, none: T): Finding<T> => {
    for (const l of zone) {
      const key = fold(bare(l.text));
      const value = table[key];
      if (!value) continue;
      // The marks are a closed set, so a match without diacritics is still unambiguous; a lower-case reading is not a stamp.
      const f: Finding<T> = { value, confidence: ocrFactor(l.minConf), box: { page: 0, x0: l.x0, y0: l.y0, x1: l.x1, y1: l.y1 }, warnings: [] };
      return bare(l.text) === bare(l.text).toUpperCase() ? f : capConfidence(f, 0.6, `"${printed[key] ?? ''}" không in hoa như dấu mức độ`);
    }
    // No mark: "thường". Trusted only when the page read well; a faint red stamp may be missed on a poor scan.
    return { value: none, confidence: pageQuality >= 0.85 ? 0.9 : 0.7, warnings: pageQuality >= 0.85 ? [] : ['trang quét kém, có thể bỏ sót dấu mức độ'] };
  };
  return { urgency: pickMark(URGENCY, URGENCY_PRINTED, 'thuong'), confidentiality: pickMark(SECRECY, SECRECY_PRINTED, 'thuong') };
}

/**
 * Regions covered by a receiving office's ĐẾN stamp (35×50 mm, Phụ lục IV): found by its "ĐẾN" word standing
 * alone, extended to the stamp's size. Lines inside are not part of the document, and fields touching it are
 * doubted.
 */
export function findStamps(lines: readonly Line[]): (Box & { page: number })[] {
  const out: (Box & { page: number })[] = [];
  for (const l of lines) {
    for (const w of l.words) {
      // "ĐẾN" in capitals as a word of its own; the word "đến" of a sentence is lower case.
      if (bare(w.text) !== 'ĐẾN' && !(bare(w.text) === 'DEN' && l.words.length <= 2)) continue;
      out.push({ page: l.page, x0: w.x0 - 0.1, y0: w.y0 - 0.04, x1: w.x1 + 0.16, y1: w.y1 + 0.1 });
    }
  }
  return out;
}
