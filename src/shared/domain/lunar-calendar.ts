/**
 * The Vietnamese lunisolar calendar (âm lịch), needed for the lunar public holidays of Bộ luật Lao động 2019
 * Art. 112 (Tết Nguyên đán, Giỗ Tổ Hùng Vương 10/3). Hồ Ngọc Đức's astronomical algorithm: months begin on the
 * day of the new moon and month 11 contains the winter solstice, both computed for the UTC+7 meridian (which is
 * why Vietnamese and Chinese Tết sometimes differ). Pure arithmetic on Julian day numbers; no Date involved.
 * Valid for Gregorian years 1800–2199.
 */
import { DomainError } from './domain-error';
import { isoDateOf, parseIsoDate } from '../util/time';

export interface LunarDate {
  day: number;
  /** 1–12 */
  month: number;
  /** The lunar year, numbered like the Gregorian year it mostly overlaps (Tết 2026 starts lunar year 2026). */
  year: number;
  /** True for the intercalary (nhuận) month that repeats `month`. */
  leap: boolean;
}

const TIME_ZONE = 7;
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;
const SYNODIC_MONTH = 29.530588853;
const EPOCH_NEW_MOON = 2415021.076998695;
const { PI, sin, floor } = Math;
const DR = PI / 180;

/** Julian day number of a Gregorian date. */
export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = floor((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return dd + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

/** Gregorian date of a Julian day number. */
export function jdToDate(jd: number): { day: number; month: number; year: number } {
  const a = jd + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return {
    day: e - floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * floor(m / 10),
    year: b * 100 + d - 4800 + floor(m / 10),
  };
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, as used by Hồ Ngọc Đức). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * DR);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * sin(M * DR) + 0.0021 * sin(2 * DR * M);
  c1 = c1 - 0.4068 * sin(Mpr * DR) + 0.0161 * sin(DR * 2 * Mpr);
  c1 -= 0.0004 * sin(DR * 3 * Mpr);
  c1 = c1 + 0.0104 * sin(DR * 2 * F) - 0.0051 * sin(DR * (M + Mpr));
  c1 = c1 - 0.0074 * sin(DR * (M - Mpr)) + 0.0004 * sin(DR * (2 * F + M));
  c1 = c1 - 0.0004 * sin(DR * (2 * F - M)) - 0.0006 * sin(DR * (2 * F + Mpr));
  c1 = c1 + 0.001 * sin(DR * (2 * F - Mpr)) + 0.0005 * sin(DR * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent longitude of the sun (radians, 0..2π) at Julian day `jdn`. */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * sin(DR * M);
  DL = DL + (0.019993 - 0.000101 * T) * sin(DR * 2 * M) + 0.00029 * sin(DR * 3 * M);
  let L = (L0 + DL) * DR;
  L -= PI * 2 * floor(L / (PI * 2));
  return L;
}

/** Sector 0..11 of the sun's longitude at local midnight starting day `dayNumber`. */
function sunSector(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / PI) * 6);
}

/** Julian day number (local date) of the k-th new moon. */
function newMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Julian day number on which lunar month 11 (the month of the winter solstice) of Gregorian year `yy` begins. */
function lunarMonth11(yy: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset (in months after month 11 starting on a11) of the leap month of a 13-month lunar year. */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

function lunarError(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('INVALID_LUNAR_DATE', message, details);
}

/** Converts a Gregorian 'yyyy-MM-dd' (years 1800–2199) to its lunar date. Throws DomainError INVALID_LUNAR_DATE otherwise. */
export function solarToLunar(isoDate: string): LunarDate {
  const parsed = parseIsoDate(isoDate);
  if (!parsed || parsed.year < MIN_YEAR || parsed.year > MAX_YEAR) {
    throw lunarError(`Ngày dương lịch không hợp lệ hoặc ngoài phạm vi ${MIN_YEAR}–${MAX_YEAR}: "${String(isoDate)}".`, { isoDate });
  }
  const { day: dd, month: mm, year: yy } = parsed;
  const dayNumber = jdFromDate(dd, mm, yy);
  const k = floor((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/** Julian day number of day 1 of the given lunar month, or null when that (leap) month does not exist. */
function lunarMonthStart(month: number, year: number, leap: boolean): number | null {
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = floor(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return null;
  }
  return newMoonDay(k + off);
}

function requireMonth(month: number, year: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw lunarError(`Tháng/năm âm lịch không hợp lệ: ${String(month)}/${String(year)}.`, { month, year });
  }
}

/** 29 or 30: the length of a lunar month. Throws DomainError INVALID_LUNAR_DATE for a month that does not exist. */
export function lunarMonthLength(month: { month: number; year: number; leap?: boolean }): number {
  requireMonth(month.month, month.year);
  const start = lunarMonthStart(month.month, month.year, month.leap === true);
  if (start === null) {
    throw lunarError(`Năm âm lịch ${month.year} không có tháng ${month.month} nhuận.`, { ...month });
  }
  const k = floor((start - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
  // The next new moon after `start`: whichever of k, k+1, k+2 first lands after it.
  for (let i = k; i <= k + 2; i += 1) {
    const next = newMoonDay(i);
    if (next > start) return next - start;
  }
  throw lunarError('Không tính được độ dài tháng âm lịch.', { ...month });
}

/**
 * Converts a lunar date to Gregorian 'yyyy-MM-dd'. Throws DomainError INVALID_LUNAR_DATE when the leap month
 * does not exist that year or the day is beyond the month's 29 or 30 days.
 */
export function lunarToSolar(date: LunarDate): string {
  requireMonth(date.month, date.year);
  const length = lunarMonthLength({ month: date.month, year: date.year, leap: date.leap });
  if (!Number.isInteger(date.day) || date.day < 1 || date.day > length) {
    throw lunarError(`Ngày ${String(date.day)} không có trong tháng ${date.month} âm lịch năm ${date.year} (${length} ngày).`, { ...date });
  }
  const start = lunarMonthStart(date.month, date.year, date.leap);
  if (start === null) throw lunarError(`Năm âm lịch ${date.year} không có tháng ${date.month} nhuận.`, { ...date });
  const { day, month, year } = jdToDate(start + date.day - 1);
  return isoDateOf(year, month, day);
}

/** The leap month (1–12) of a lunar year, or null when the year has twelve months. */
export function leapMonthOf(year: number): number | null {
  requireMonth(1, year);
  for (let m = 1; m <= 12; m += 1) {
    if (lunarMonthStart(m, year, true) !== null) return m;
  }
  return null;
}
