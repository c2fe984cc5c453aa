/**
 * Working-day calendar as data (Quy chế Art. 10.5: receipt outside office hours counts from the next office-hours
 * period, so holidays must be known; "office hours and holidays must be configurable"). Public holidays: Bộ luật
 * Lao động 2019 Art. 112 (solar: 01/01, 30/4, 01/5, 02/9 and one adjacent day; lunar: Tết 5 days, Giỗ Tổ 10/3).
 * The government's yearly swaps and compensatory days (Art. 111.3, 112.3) are data too: extraDaysOff and
 * makeUpWorkdays. A make-up working day overrides a weekend.
 */
import { z } from 'zod';
import { lunarMonthLength, lunarToSolar } from './lunar-calendar';
import { isIsoDate, parseIsoDate, weekdayOfIso, addDaysIso } from '../util/time';

const IsoDateText = z.string().refine(isIsoDate, { message: 'Ngày phải có dạng yyyy-MM-dd và là ngày có thật.' });
const Name = z.string().trim().min(1).max(120);
const Year = z.number().int().min(1900).max(2199);

const SolarHoliday = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    name: Name,
  })
  .strict()
  .refine((h) => h.day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][h.month - 1]!, {
    message: 'Ngày không có trong tháng.',
  });

const LunarHoliday = z
  .object({
    month: z.number().int().min(1).max(12),
    /** 1–30, or 'last' = the last day of the lunar month (29 or 30; month 12: Tết eve). */
    day: z.union([z.number().int().min(1).max(30), z.literal('last')]),
    name: Name,
  })
  .strict();

const DatedDay = z
  .object({
    date: IsoDateText,
    name: Name,
    /** Where the day comes from, e.g. the announcing document ('12729/VPCP-KGVX'). */
    source: z.string().max(300).optional(),
  })
  .strict();

export const HolidayRulesSchema = z
  .object({
    /** Gregorian years the data is complete for; outside them only weekends are known. */
    years: z.object({ from: Year, to: Year }).strict().refine((y) => y.from <= y.to, { message: 'from phải ≤ to.' }),
    /** Weekly days off, 0 = Sunday … 6 = Saturday. */
    weekendDays: z.array(z.number().int().min(0).max(6)).max(6),
    solar: z.array(SolarHoliday).max(100),
    lunar: z.array(LunarHoliday).max(100),
    extraDaysOff: z.array(DatedDay).max(1000),
    makeUpWorkdays: z.array(DatedDay).max(1000),
    /** Free text for people reading the file. */
    note: z.string().max(2000).optional(),
  })
  .strict();
export type HolidayRules = z.infer<typeof HolidayRulesSchema>;

export type DayOffReason = { kind: 'weekend' } | { kind: 'holiday'; name: string };

export interface WorkCalendar {
  /** Whether office work happens on this 'yyyy-MM-dd' date. Outside the covered years: every non-weekend day. */
  isWorkingDay(isoDate: string): boolean;
  /** Why the date is a day off, or null on a working day. A holiday on a weekend is reported as the holiday. */
  dayOffReason(isoDate: string): DayOffReason | null;
  /** Whether the date's year is within `years` (holidays known). */
  covers(isoDate: string): boolean;
}

function requireDate(isoDate: string): { year: number; month: number; day: number } {
  const parsed = parseIsoDate(isoDate);
  if (!parsed) throw new RangeError(`Ngày không hợp lệ: "${String(isoDate)}" (cần dạng yyyy-MM-dd).`);
  return parsed;
}

/** The solar date of a lunar holiday in lunar year `year`; 'last' is the day before day 1 of the next month. */
function lunarHolidayDate(h: { month: number; day: number | 'last' }, year: number): string | null {
  if (h.day === 'last') {
    const nextMonth = h.month === 12 ? 1 : h.month + 1;
    const nextYear = h.month === 12 ? year + 1 : year;
    return addDaysIso(lunarToSolar({ day: 1, month: nextMonth, year: nextYear, leap: false }), -1);
  }
  // Day 30 in a 29-day month does not exist that year: the holiday falls on the month's last day.
  const length = lunarMonthLength({ month: h.month, year });
  return lunarToSolar({ day: Math.min(h.day, length), month: h.month, year, leap: false });
}

/** Every named day off in the covered years, date → name (holidays first, then extra days off). */
export function expandHolidays(rules: HolidayRules): Map<string, string> {
  const { from, to } = rules.years;
  const days = new Map<string, string>();
  const put = (date: string, name: string): void => {
    const year = requireDate(date).year;
    if (year >= from && year <= to && !days.has(date)) days.set(date, name);
  };
  for (let year = from; year <= to; year += 1) {
    for (const h of rules.solar) {
      const date = `${String(year).padStart(4, '0')}-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`;
      if (parseIsoDate(date)) put(date, h.name);
    }
  }
  // A lunar year straddles two Gregorian years: take one year either side and keep what lands inside.
  for (let year = from - 1; year <= to + 1; year += 1) {
    for (const h of rules.lunar) {
      const date = lunarHolidayDate(h, year);
      if (date !== null) put(date, h.name);
    }
  }
  for (const d of rules.extraDaysOff) put(d.date, d.name);
  return days;
}

/** Builds the calendar the receipt-time rule and deadline views use. The rules should come through HolidayRulesSchema. */
export function buildWorkCalendar(rules: HolidayRules): WorkCalendar {
  const holidays = expandHolidays(rules);
  const makeUp = new Set(rules.makeUpWorkdays.map((d) => d.date));
  const weekend = new Set(rules.weekendDays);
  const { from, to } = rules.years;

  const covers = (isoDate: string): boolean => {
    const { year } = requireDate(isoDate);
    return year >= from && year <= to;
  };
  const dayOffReason = (isoDate: string): DayOffReason | null => {
    requireDate(isoDate);
    if (covers(isoDate)) {
      if (makeUp.has(isoDate)) return null;
      const name = holidays.get(isoDate);
      if (name !== undefined) return { kind: 'holiday', name };
    }
    return weekend.has(weekdayOfIso(isoDate)) ? { kind: 'weekend' } : null;
  };
  return {
    covers,
    dayOffReason,
    isWorkingDay: (isoDate) => dayOffReason(isoDate) === null,
  };
}

export interface HolidayRulesProblem {
  code: 'make-up-not-weekend' | 'make-up-is-holiday' | 'date-outside-years' | 'duplicate-date' | 'duplicate-weekend-day';
  date?: string;
}

/**
 * Consistency checks beyond the schema, for the settings screen and the rule loader: a make-up day that is not a
 * weekend or falls on a holiday, a dated entry outside `years`, a date listed twice, a repeated weekend day.
 */
export function validateHolidayRules(rules: HolidayRules): HolidayRulesProblem[] {
  const problems: HolidayRulesProblem[] = [];
  if (new Set(rules.weekendDays).size !== rules.weekendDays.length) problems.push({ code: 'duplicate-weekend-day' });
  const { from, to } = rules.years;
  const seen = new Set<string>();
  for (const d of [...rules.extraDaysOff, ...rules.makeUpWorkdays]) {
    const year = requireDate(d.date).year;
    if (year < from || year > to) problems.push({ code: 'date-outside-years', date: d.date });
    if (seen.has(d.date)) problems.push({ code: 'duplicate-date', date: d.date });
    seen.add(d.date);
  }
  const holidays = expandHolidays(rules);
  const weekend = new Set(rules.weekendDays);
  for (const d of rules.makeUpWorkdays) {
    if (!weekend.has(weekdayOfIso(d.date))) problems.push({ code: 'make-up-not-weekend', date: d.date });
    if (holidays.has(d.date)) problems.push({ code: 'make-up-is-holiday', date: d.date });
  }
  return problems;
}
