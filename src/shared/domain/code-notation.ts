/**
 * Số and ký hiệu of a document: NĐ 30 Phụ lục I I.3 (standards.md §4.3–4.4). Typed documents are
 * `<n>/<TYPE>-<ORG>` ('12/QĐ-UBND'), Công văn `<n>/<ORG>-<UNIT>` ('125/UBND-VP'), copies `<n>/<SY|TrS|SL>-<ORG>`
 * ('05/SY-UBND'); legal normative documents carry the year, '30/2020/NĐ-CP' (Art. 15.1a). Numbers below 10 take a
 * leading zero; "/" separates number and notation, "-" the groups of the notation, with no spaces.
 */
import { DomainError } from './domain-error';
import { documentTypeByAbbreviation } from './document-types';

/** NĐ 30 Phụ lục VI: CodeNumber String(11). */
export const MAX_CODE_NUMBER_DIGITS = 11;
/** NĐ 30 Phụ lục VI: CodeNotation String(30). */
export const MAX_CODE_NOTATION_LENGTH = 30;

export interface ParsedCodeNotation {
  /** The document number (số), e.g. 12. */
  number: number;
  /** The notation (ký hiệu) after the number (and year), e.g. 'QĐ-UBND'. */
  notation: string;
  /** Year of a legal normative document, e.g. 2020 in '30/2020/NĐ-CP'. */
  year?: number;
  /** First group when it is a Phụ lục III abbreviation, e.g. 'QĐ', 'SY'; absent for a Công văn. */
  typeAbbreviation?: string;
  /** Groups of the notation, e.g. ['QĐ', 'UBND']. */
  parts: string[];
  /** Canonical form with the leading zero and without "Số:", e.g. '05/BNV-VP' or '30/2020/NĐ-CP'. */
  canonical: string;
}

// A group: letters (any script, so Đ, Ư …), digits, '.' and '&' ('TCCB.', 'KH&CN'); never space, '/' or '-'.
const GROUP = '[\\p{L}\\p{N}.&]+';
const LOOSE = new RegExp(`^(\\d+)\\/(?:(\\d{4})\\/)?(${GROUP}(?:-${GROUP})*)$`, 'u');
const GROUP_ONLY = new RegExp(`^${GROUP}$`, 'u');
// standards.md §4.4 suggested check, applied to NFC text; the "Số: " prefix is optional here.
const STRICT = /^(0[1-9]|[1-9]\d+)\/[A-ZĐa-zđ.]+(-[A-ZĐa-zđ0-9.]+)+$/u;
const STRICT_WITH_YEAR = /^(0[1-9]|[1-9]\d+)\/\d{4}\/[A-ZĐa-zđ.]+(-[A-ZĐa-zđ0-9.]+)+$/u;
const PREFIX = /^(?:số|so)\s*:?\s*/iu;

function normalize(text: string): string {
  return text.normalize('NFC').replace(/\u00D0/g, 'Đ').replace(/\u00F0/g, 'đ').trim();
}

/** Drops a leading "Số:" / "Số" / "So:" label as printed on the document. */
function stripPrefix(text: string): string {
  return text.replace(PREFIX, '');
}

/** The number as printed: at least two digits ('05', '12', '125'). Throws DomainError on a non-positive or non-integer number. */
export function formatDocumentNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new DomainError('INVALID_NUMBER', `Số văn bản phải là số nguyên dương: ${String(n)}.`, { number: n });
  }
  return String(n).padStart(2, '0');
}

function requireGroup(value: string | null | undefined, field: string): string {
  const text = typeof value === 'string' ? normalize(value) : '';
  if (!GROUP_ONLY.test(text)) {
    throw new DomainError('INVALID_CODE_PART', `Phần "${field}" của ký hiệu không hợp lệ: "${String(value)}" (không được trống, không chứa khoảng trắng, "/" hay "-").`, { field });
  }
  return text;
}

/**
 * '12/QĐ-UBND' for a typed document, '125/UBND-VP' for a Công văn (typeAbbreviation null or absent: the unit is
 * then required). A unit given with a type abbreviation is appended ('12/QĐ-UBND-VP'). Throws DomainError on a
 * bad number (INVALID_NUMBER), a group with spaces, '/' or '-' (INVALID_CODE_PART), or a Công văn without unit
 * (MISSING_UNIT).
 */
export function formatCodeNotation(input: {
  number: number;
  typeAbbreviation?: string | null;
  organization: string;
  unit?: string;
}): string {
  const number = formatDocumentNumber(input.number);
  const organization = requireGroup(input.organization, 'organization');
  const hasType = input.typeAbbreviation !== undefined && input.typeAbbreviation !== null;
  const hasUnit = input.unit !== undefined && input.unit.trim() !== '';
  const groups: string[] = [];
  if (hasType) groups.push(requireGroup(input.typeAbbreviation, 'typeAbbreviation'));
  groups.push(organization);
  if (hasUnit) groups.push(requireGroup(input.unit, 'unit'));
  else if (!hasType) throw new DomainError('MISSING_UNIT', 'Ký hiệu công văn cần viết tắt tên đơn vị soạn thảo (ví dụ 125/UBND-VP).');
  return `${number}/${groups.join('-')}`;
}

/**
 * Reads a số/ký hiệu as typed or printed, tolerant of what other agencies send: an optional "Số:" label, a number
 * without its leading zero ('5/BNV-VP'), lower-case letters. Returns null for empty text, spaces inside, no '/',
 * anything but digits in the number, a zero number, or a notation longer than NĐ 30 Phụ lục VI allows.
 */
export function parseCodeNotation(text: string): ParsedCodeNotation | null {
  if (typeof text !== 'string') return null;
  const body = stripPrefix(normalize(text));
  const m = LOOSE.exec(body);
  if (!m) return null;
  const [, digits = '', yearText, notation = ''] = m;
  if (digits.length > MAX_CODE_NUMBER_DIGITS || notation.length > MAX_CODE_NOTATION_LENGTH) return null;
  const number = Number(digits);
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && (year < 1945 || year > 2200)) return null;
  const parts = notation.split('-');
  const first = parts[0] ?? '';
  const type = parts.length > 1 ? documentTypeByAbbreviation(first) : undefined;
  // Only an exact (case-sensitive) abbreviation counts: 'UBND-VP' must not read as a type.
  const typeAbbreviation = type && type.abbreviation === first ? first : undefined;
  const numberText = formatDocumentNumber(number);
  const canonical = year === undefined ? `${numberText}/${notation}` : `${numberText}/${year}/${notation}`;
  const parsed: ParsedCodeNotation = { number, notation, parts, canonical };
  if (year !== undefined) parsed.year = year;
  if (typeAbbreviation !== undefined) parsed.typeAbbreviation = typeAbbreviation;
  return parsed;
}

/**
 * The strict standards.md §4.4 check of what we issue ourselves: leading zero below 10, letters (and '.') in the
 * first group, at least two groups, no spaces. "Số: " in front is allowed. With `allowYear`, the VBQPPL form
 * '30/2020/NĐ-CP' is accepted too. '5/BNV-VP' is not canonical (parseCodeNotation still reads it).
 */
export function isCanonicalCodeNotation(text: string, options: { allowYear?: boolean } = {}): boolean {
  if (typeof text !== 'string') return false;
  const nfc = text.normalize('NFC');
  const body = nfc.startsWith('Số: ') ? nfc.slice('Số: '.length) : nfc;
  if (STRICT.test(body)) return true;
  return options.allowYear === true && STRICT_WITH_YEAR.test(body);
}
