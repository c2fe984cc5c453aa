import { describe, expect, it } from 'vitest';
import { HolidayRulesSchema, buildWorkCalendar } from '../../../src/shared/domain/calendar-rules';
import type { OfficePeriod } from '../../../src/shared/domain/receipt-time';
import { isLateToSend, sendDeadline } from '../../../src/shared/domain/send-deadline';
import { fromLocal, toIso8601VN } from '../../../src/shared/util/time';
import defaultHolidays from '../../../assets/rules/holidays.json';

const calendar = buildWorkCalendar(HolidayRulesSchema.parse(defaultHolidays));
const HOURS: OfficePeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

describe('sendDeadline (Quy chế Art. 10.1: the day of signing, at the latest the next working morning)', () => {
  it.each([
    // issued (Vietnam local), deadline
    ['2026-03-03', '09:15', '2026-03-04T11:30:00+07:00'], // Tuesday → Wednesday morning
    ['2026-03-03', '23:50', '2026-03-04T11:30:00+07:00'], // late evening: still the next morning
    ['2026-03-06', '16:00', '2026-03-09T11:30:00+07:00'], // Friday → Monday morning
    ['2026-03-07', '10:00', '2026-03-09T11:30:00+07:00'], // signed on a Saturday → Monday morning
    ['2026-04-29', '15:00', '2026-05-04T11:30:00+07:00'], // before 30/4–01/5 and the weekend
    ['2026-02-13', '10:00', '2026-02-23T11:30:00+07:00'], // last working day before Tết Bính Ngọ
  ])('issued %s %s → send by %s', (date, time, deadline) => {
    expect(toIso8601VN(sendDeadline(fromLocal(date, time), HOURS, calendar))).toBe(deadline);
  });

  it('flags a document not sent by the deadline, and not one still within it', () => {
    const issued = fromLocal('2026-03-03', '09:15');
    expect(isLateToSend(issued, fromLocal('2026-03-04', '11:29'), HOURS, calendar)).toBe(false);
    expect(isLateToSend(issued, fromLocal('2026-03-04', '11:30'), HOURS, calendar)).toBe(true);
    expect(isLateToSend(issued, fromLocal('2026-03-03', '17:30'), HOURS, calendar)).toBe(false);
  });

  it('uses the unit\'s own morning period', () => {
    const hours: OfficePeriod[] = [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }];
    expect(toIso8601VN(sendDeadline(fromLocal('2026-03-03', '09:00'), hours, calendar))).toBe('2026-03-04T12:00:00+07:00');
  });

  it('refuses office hours that are not valid', () => {
    expect(() => sendDeadline(new Date(), [], calendar)).toThrow(expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }));
  });
});
