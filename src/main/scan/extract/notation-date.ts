/**
 * Box 3 (Số, ký hiệu) and box 4 (place and date) of NĐ 30 Phụ lục I, read from the line segments of the first
 * page. Checks: the notation must have the shape of Phụ lục I I.3 (standards.md §4.4) and, when there is a title,
 * start with the type's Phụ lục III abbreviation (checked by the caller); the date must be a real date written
 * "ngày DD tháng M năm YYYY"; numbers and days written by hand into the printed gaps are reported as doubtful.
 */
import { isRealDate, isoDateOf } from '../../../shared/util/time';
import type { Line } from './layout';
import { unionBox } from './layout';
import { cleanOcrText, fold, ocrFactor, readDigits } from './text-rules';
import { capConfidence, notFound, type Finding } from './finding';

const HANDWRITTEN_VI = 'có thể là chữ viết tay điền vào chỗ trống';

/** Upper part of page 1 where boxes 1–5 are. */
const HEADER_ZONE = 0.4;

const NOTATION = /^(\d{1,5})\/(?:(\d{4})\/)?([\p{L}.&]+(?:-[\p{L}\p{N}.&]+)+)$/u;

export interface NotationFinding extends Finding<string> {
  line?: Line;
  /** First group of the notation ('QĐ', 'UBND' for a Công văn). */
  firstGroup?: string;
}

/** Whether the segment starts with the "Số" label of box 3 (OCR often reads it "số:" or glues the number). */
function numberLabel(line: Line): boolean {
  return /^s[o0]\s*[:;.,]|^s[o0]\s*\d/u.test(fold(line.text));
}

/** Box 3: "Số: 12/QĐ-UBND". */
export function findNotation(lines: readonly Line[]): NotationFinding {
  const candidates = lines.filter((l) => l.page === 0 && l.y0 < HEADER_ZONE && l.cx < 0.5 && numberLabel(l));
  // The document's own line has a "/" (a receiving stamp's "Số: 123" has none).
  const line = candidates.find((l) => l.text.includes('/')) ?? candidates[0];
  if (!line) return notFound('', 'không thấy dòng "Số:" ở góc trên bên trái');
  const first = line.words[0] as Line['words'][number];
  const rest = line.words.slice(1);
  const labelGlued = /^s[oôố0]:?([^:].*)$/iu.exec(first.text);
  const valueWords = labelGlued ? [{ ...first, text: labelGlued[1] ?? '' }, ...rest] : rest;
  if (valueWords.length === 0) return { ...notFound(''), line };
  const read = cleanOcrText(valueWords.map((w) => w.text).join('')).replace(/^[:;.,]/u, '');
  // OCR sometimes drops the thin "/" between number and notation ("05QĐ-UBND"): digits then a capital cannot be
  // anything else, so the slash is put back — and the value is not trusted.
  const slashLost = /^\d{1,5}\p{Lu}/u.test(read) && !read.includes('/');
  const raw = slashLost ? read.replace(/^(\d+)/u, '$1/') : read;
  const box = { page: 0, ...unionBox(valueWords) };
  const m = NOTATION.exec(raw);
  const slash = raw.indexOf('/');
  const numberPart = slash > 0 ? raw.slice(0, slash) : raw;
  const digits = readDigits(numberPart);
  if (!m && !(digits && slash > 0)) {
    return { value: raw, confidence: 0.3, box, line, warnings: ['số, ký hiệu không đúng dạng số/ký hiệu (Phụ lục I)'] };
  }
  const n = Number(digits?.value ?? m?.[1]);
  const notationPart = raw.slice(slash + 1);
  const value = `${String(n).padStart(2, '0')}/${notationPart}`;
  let f: NotationFinding = { value, confidence: ocrFactor(Math.min(...valueWords.map((w) => w.conf))), box, line, warnings: [], firstGroup: notationPart.replace(/^\d{4}\//u, '').split('-')[0] };
  if (!NOTATION.exec(value) || n === 0) f = capConfidence(f, 0.4, 'số, ký hiệu không đúng dạng (Phụ lục I, I.3)');
  if (digits?.repaired) f = capConfidence(f, 0.5, 'số văn bản đọc được có ký tự giống chữ số');
  if (slashLost) f = capConfidence(f, 0.75, 'không đọc được dấu "/" giữa số và ký hiệu');
  // Printed numbers below 10 carry a leading zero (Phụ lục I, I.3); without it the digit was probably misread.
  if (n < 10 && !numberPart.startsWith('0')) f = capConfidence(f, 0.7, 'số nhỏ hơn 10 không có số 0 ở đầu');
  // The number was a word of its own, apart from "/ký hiệu": it was written into the printed gap by hand.
  // A text layer is typed, never handwriting; OCR words are checked for the gap and the size of a pen's digits.
  const slashIdx = valueWords.findIndex((w) => w.text.includes('/'));
  const numberWord = valueWords[slashIdx - 1];
  const slashWord = valueWords[slashIdx];
  if (numberWord && slashWord && !valueWords.every((w) => w.conf === 1)) {
    const ratio = (numberWord.y1 - numberWord.y0) / Math.max(slashWord.y1 - slashWord.y0, 1e-6);
    if (slashWord.x0 - numberWord.x1 > 0.006 || ratio > 1.25) f = capConfidence(f, 0.7, `số văn bản ${HANDWRITTEN_VI}`);
  }
  return f;
}

export interface DateFinding {
  date: Finding<string>;
  place: Finding<string>;
  line?: Line;
}

const DATE_LINE = /^(.*?)[,.;]?\s*ng[aà]y\s*(\S*)\s*th[aá]ng\s*(\S*)\s*n[aă]m\s*(\S+?)[.,]?$/u;

/** Box 4: "Lai Châu, ngày 05 tháng 3 năm 2026" (top right). `now` bounds the year. */
export function findDate(lines: readonly Line[], now: Date): DateFinding {
  const line = lines.find((l) => l.page === 0 && l.y0 < HEADER_ZONE && l.cx > 0.45 && /ngay.*thang.*nam/u.test(fold(l.text)));
  if (!line) return { date: notFound('', 'không thấy dòng địa danh, ngày tháng năm'), place: notFound('') };
  const text = cleanOcrText(line.text);
  const folded = fold(text);
  const m = DATE_LINE.exec(folded);
  const box = { page: 0, x0: line.x0, y0: line.y0, x1: line.x1, y1: line.y1 };
  // Place: the original (with diacritics) up to the comma before "ngày".
  const comma = text.search(/[,.;]?\s*ng[aà]y\s/iu);
  const placeText = (comma > 0 ? text.slice(0, comma) : '').replace(/[,.;]+$/u, '').trim();
  const commaWord = line.words.findIndex((w) => /[,.;]$/u.test(w.text) || /^ng[aà]y$/iu.test(w.text));
  const placeWords = line.words.slice(0, commaWord > 0 && /^ng[aà]y$/iu.test(line.words[commaWord]?.text ?? '') ? commaWord : commaWord + 1);
  const placeConf = placeWords.length ? Math.min(...placeWords.map((w) => w.conf)) : 0;
  let place: Finding<string> = placeText
    ? { value: placeText, confidence: ocrFactor(placeConf), box: { page: 0, ...unionBox(placeWords.length ? placeWords : line.words) }, warnings: [] }
    : notFound('', 'không đọc được địa danh');
  if (placeText && !/^\p{Lu}/u.test(placeText)) place = capConfidence(place, 0.5, 'địa danh không viết hoa chữ đầu');
  if (!m) return { date: { value: '', confidence: 0, box, warnings: ['dòng ngày tháng không đọc được'] }, place, line };
  const [d, mo, y] = [readDigits(m[2] ?? ''), readDigits(m[3] ?? ''), readDigits(m[4] ?? '')];
  if (!d || !mo || !y) return { date: { value: '', confidence: 0, box, warnings: [`ngày ${HANDWRITTEN_VI} hoặc không đọc được`] }, place, line };
  const [day, month, year] = [Number(d.value), Number(mo.value), Number(y.value)];
  const thisYear = now.getUTCFullYear();
  if (!isRealDate(year, month, day) || year < 1945 || year > thisYear + 1) {
    return { date: { value: '', confidence: 0, box, warnings: ['ngày tháng năm đọc được không phải ngày có thật'] }, place, line };
  }
  const dateWords = line.words.filter((w) => /\d/u.test(w.text) || /^(ngày|tháng|năm)$/iu.test(w.text));
  const minConf = Math.min(...line.words.slice(-6).map((w) => w.conf), ...dateWords.map((w) => w.conf));
  let date: Finding<string> = { value: isoDateOf(year, month, day), confidence: ocrFactor(minConf), box, warnings: [] };
  if (d.repaired || mo.repaired || y.repaired) date = capConfidence(date, 0.5, 'ngày tháng đọc được có ký tự giống chữ số');
  // Phụ lục I, I.4: days below 10 and months 1–2 take a leading zero.
  if ((day < 10 && d.value.length < 2) || (month <= 2 && mo.value.length < 2)) date = capConfidence(date, 0.7, 'ngày hoặc tháng thiếu số 0 ở đầu (Phụ lục I)');
  const yearWord = line.words.find((w) => w.text.includes(y.value));
  const dayWord = line.words.find((w) => readDigits(w.text.replace(/[,.]/gu, ''))?.value === d.value);
  if (yearWord && dayWord) {
    const ratio = (dayWord.y1 - dayWord.y0) / Math.max(yearWord.y1 - yearWord.y0, 1e-6);
    if (ratio > 1.25 || ratio < 0.75) date = capConfidence(date, 0.7, `ngày ${HANDWRITTEN_VI}`);
  }
  return { date, place, line };
}
