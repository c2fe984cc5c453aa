/**
 * Date and time in Vietnam (Asia/Ho_Chi_Minh). Vietnam has kept a fixed UTC+07:00 offset with no daylight
 * saving since 1975, so every conversion here adds or removes an explicit 7 hours and never reads the
 * machine's local zone: a clerk's workstation set to another zone must still number and stamp documents
 * in Vietnam time (NĐ 30 Art. 15.1: numbering runs from 1 January; Phụ lục I I.8b: signing time in ISO 8601
 * with the Vietnam offset, e.g. `2026-01-05T09:30:00+07:00`).
 */

/** Offset of Vietnam time from UTC, in minutes (UTC+07:00, no daylight saving). */
export const VN_OFFSET_MINUTES = 420;

const OFFSET_MS = VN_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Calendar and clock fields of an instant, read in Vietnam time. */
export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

function assertValidInstant(d: Date): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new RangeError('Thời điểm không hợp lệ (Invalid Date).');
  }
}

/** Whether (year, month, day) is a real date of the proleptic Gregorian calendar. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Number of days in a Gregorian month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Splits 'yyyy-MM-dd' into numbers, or null when it is not a real calendar date. */
export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } | null {
  if (typeof isoDate !== 'string') return null;
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** Whether the text is a real calendar date written 'yyyy-MM-dd'. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value) !== null;
}

function requireIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const parsed = parseIsoDate(isoDate);
  if (!parsed) throw new RangeError(`Ngày không hợp lệ: "${String(isoDate)}" (cần dạng yyyy-MM-dd).`);
  return parsed;
}

/** 'yyyy-MM-dd' from numbers (no validation beyond padding). */
export function isoDateOf(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Calendar and clock fields of `d` in Vietnam time. Throws RangeError on an Invalid Date. */
export function localParts(d: Date): LocalParts {
  assertValidInstant(d);
  const shifted = new Date(d.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The Vietnam calendar date of an instant, 'yyyy-MM-dd'. */
export function localIsoDate(d: Date): string {
  const p = localParts(d);
  return isoDateOf(p.year, p.month, p.day);
}

/** Minutes since local midnight of 'HH:mm' (00:00–23:59), or null when malformed. */
export function parseHourMinute(hhmm: string): number | null {
  if (typeof hhmm !== 'string') return null;
  const m = HH_MM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The instant at which Vietnam clocks show `isoDate` `hhmm`. Throws RangeError on a date that is not real
 * (e.g. '2026-02-30') or a time outside 00:00–23:59.
 */
export function fromLocal(isoDate: string, hhmm = '00:00'): Date {
  const { year, month, day } = requireIsoDate(isoDate);
  const minutes = parseHourMinute(hhmm);
  if (minutes === null) throw new RangeError(`Giờ không hợp lệ: "${String(hhmm)}" (cần dạng HH:mm).`);
  return new Date(Date.UTC(year, month - 1, day, 0, minutes) - OFFSET_MS);
}

/** Weekday (0 = Sunday) of a calendar date; the same anywhere on Earth, so no offset is involved. */
export function weekdayOfIso(isoDate: string): number {
  const { year, month, day } = requireIsoDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** 'dd/MM/yyyy' (how dates are written in Vietnamese registers) from an instant or a 'yyyy-MM-dd' date. */
export function formatDateVN(d: Date | string): string {
  if (typeof d === 'string') {
    const { year, month, day } = requireIsoDate(d);
    return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
  }
  const p = localParts(d);
  return `${pad2(p.day)}/${pad2(p.month)}/${pad4(p.year)}`;
}

/** 'HH:mm dd/MM/yyyy' in Vietnam time. */
export function formatDateTimeVN(d: Date): string {
  const p = localParts(d);
  return `${pad2(p.hour)}:${pad2(p.minute)} ${pad2(p.day)}/${pad2(p.month)}/${pad4(p.year)}`;
}

/**
 * 'dd/MM/yyyy' typed by a clerk → 'yyyy-MM-dd', or null when it is not a real calendar date.
 * One-digit day and month are accepted ('5/1/2026'); surrounding spaces are ignored.
 */
export function parseDateVN(text: string): string | null {
  if (typeof text !== 'string') return null;
  const m = VN_DATE.exec(text.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  return isRealDate(year, month, day) ? isoDateOf(year, month, day) : null;
}

/** ISO 8601 with the Vietnam offset, second precision: '2026-01-05T09:30:00+07:00' (Phụ lục I I.8b). */
export function toIso8601VN(d: Date): string {
  const p = localParts(d);
  return `${isoDateOf(p.year, p.month, p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}+07:00`;
}

/** The calendar date `n` days after (negative: before) `isoDate`. */
export function addDaysIso(isoDate: string, n: number): string {
  const { year, month, day } = requireIsoDate(isoDate);
  if (!Number.isInteger(n)) throw new RangeError(`Số ngày phải là số nguyên: ${String(n)}.`);
  const shifted = new Date(Date.UTC(year, month - 1, day) + n * DAY_MS);
  return isoDateOf(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetweenIso(a: string, b: string): number {
  const pa = requireIsoDate(a);
  const pb = requireIsoDate(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY_MS);
}
