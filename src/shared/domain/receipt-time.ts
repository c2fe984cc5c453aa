/**
 * Legal time of receipt of an e-document (Quy chế Art. 10.5): the time it enters the receiver's system; when
 * that is outside office hours, the time counts from the start of the next office-hours period. Office hours
 * are one to four periods a working day in Vietnam time (Settings.officeHours); days off come from the
 * WorkCalendar (calendar-rules.ts).
 */
import { DomainError } from './domain-error';
import type { DayOffReason, WorkCalendar } from './calendar-rules';
import { addDaysIso, fromLocal, localIsoDate, localParts, parseHourMinute } from '../util/time';

export interface OfficePeriod {
  /** 'HH:mm', Vietnam time */
  start: string;
  /** 'HH:mm', Vietnam time; the period ends just before this minute */
  end: string;
}

export type ReceiptRule =
  | { kind: 'in-office-hours' }
  | { kind: 'before-hours' }
  | { kind: 'break' }
  | { kind: 'after-hours' }
  | { kind: 'day-off'; reason: DayOffReason; nextWorkingDay: string }
  | { kind: 'outside-calendar-data' };

export interface LegalReceipt {
  legal: Date;
  rule: ReceiptRule;
}

/** How far ahead the next working day is looked for (Tết plus weekends is about ten days; 60 is a safe bound). */
export const MAX_DAYS_AHEAD = 60;

export interface OfficeHoursProblem {
  index: number;
  code: 'empty' | 'bad-format' | 'end-not-after-start' | 'out-of-order' | 'overlap';
}

/**
 * Problems with a list of office-hours periods: none given, a time not 'HH:mm', a period whose end is not after
 * its start, a period starting before the previous one, or periods that overlap. Empty list = valid.
 */
export function validateOfficeHours(periods: readonly OfficePeriod[]): OfficeHoursProblem[] {
  if (!Array.isArray(periods) || periods.length === 0) return [{ index: 0, code: 'empty' }];
  const problems: OfficeHoursProblem[] = [];
  let previous: { start: number; end: number } | null = null;
  periods.forEach((p, index) => {
    const start = parseHourMinute(p?.start);
    const end = parseHourMinute(p?.end);
    if (start === null || end === null) {
      problems.push({ index, code: 'bad-format' });
      return;
    }
    if (end <= start) problems.push({ index, code: 'end-not-after-start' });
    if (previous !== null) {
      if (start < previous.start) problems.push({ index, code: 'out-of-order' });
      else if (start < previous.end) problems.push({ index, code: 'overlap' });
    }
    previous = { start, end };
  });
  return problems;
}

/** The first working day after `isoDate` (a local date), and whether the calendar data covers every day looked at. */
export function nextWorkingDayAfter(isoDate: string, calendar: WorkCalendar): { date: string; covered: boolean } {
  let covered = true;
  for (let i = 1; i <= MAX_DAYS_AHEAD; i += 1) {
    const day = addDaysIso(isoDate, i);
    if (!calendar.covers(day)) covered = false;
    if (calendar.isWorkingDay(day)) return { date: day, covered };
  }
  throw new DomainError('NO_WORKING_DAY', `Không có ngày làm việc nào trong ${MAX_DAYS_AHEAD} ngày sau ${isoDate}: kiểm tra dữ liệu ngày nghỉ.`, { isoDate });
}

/**
 * The legal receipt time of a document that arrived at `arrival`, and the rule that produced it. Periods are
 * half-open [start, end): arriving at exactly the end time is after hours. When the answer depends on a day the
 * calendar data does not cover (only weekends are known there) the rule is 'outside-calendar-data'.
 * Throws DomainError INVALID_OFFICE_HOURS for bad periods, NO_WORKING_DAY when none is found within 60 days.
 */
export function legalReceiptTime(arrival: Date, officeHours: readonly OfficePeriod[], calendar: WorkCalendar): LegalReceipt {
  const problems = validateOfficeHours(officeHours);
  if (problems.length > 0) {
    throw new DomainError('INVALID_OFFICE_HOURS', 'Giờ hành chính không hợp lệ.', { problems });
  }
  const today = localIsoDate(arrival);
  const firstStart = officeHours[0]!.start;
  const atNextWorkingDay = (): { date: string; covered: boolean; legal: Date } => {
    const next = nextWorkingDayAfter(today, calendar);
    return { ...next, legal: fromLocal(next.date, firstStart) };
  };
  const outside = (covered: boolean, rule: ReceiptRule): ReceiptRule =>
    covered && calendar.covers(today) ? rule : { kind: 'outside-calendar-data' };

  if (!calendar.isWorkingDay(today)) {
    const next = atNextWorkingDay();
    const reason = calendar.dayOffReason(today) ?? { kind: 'weekend' };
    return { legal: next.legal, rule: outside(next.covered, { kind: 'day-off', reason, nextWorkingDay: next.date }) };
  }

  const p = localParts(arrival);
  // Seconds matter at the boundary: 16:59:59 is inside a period ending 17:00, 17:00:00 is not.
  const millis = ((arrival.getTime() % 1000) + 1000) % 1000;
  const secondOfDay = p.hour * 3600 + p.minute * 60 + p.second + millis / 1000;
  const periods = officeHours.map((o) => ({ start: parseHourMinute(o.start)! * 60, end: parseHourMinute(o.end)! * 60, text: o.start }));

  for (let i = 0; i < periods.length; i += 1) {
    const period = periods[i]!;
    if (secondOfDay < period.start) {
      const rule: ReceiptRule = i === 0 ? { kind: 'before-hours' } : { kind: 'break' };
      return { legal: fromLocal(today, period.text), rule: outside(true, rule) };
    }
    if (secondOfDay < period.end) return { legal: arrival, rule: outside(true, { kind: 'in-office-hours' }) };
  }
  const next = atNextWorkingDay();
  return { legal: next.legal, rule: outside(next.covered, { kind: 'after-hours' }) };
}
