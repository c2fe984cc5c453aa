import { describe, expect, it } from 'vitest';
import { HolidayRulesSchema, buildWorkCalendar, type WorkCalendar } from '../../../src/shared/domain/calendar-rules';
import { MAX_DAYS_AHEAD, legalReceiptTime, validateOfficeHours, type OfficePeriod } from '../../../src/shared/domain/receipt-time';
import { fromLocal, toIso8601VN } from '../../../src/shared/util/time';
import defaultHolidays from '../../../assets/rules/holidays.json';

const calendar = buildWorkCalendar(HolidayRulesSchema.parse(defaultHolidays));
const HOURS: OfficePeriod[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** Arrival at Vietnam local date + 'HH:mm:ss'. */
function at(date: string, time: string): Date {
  const [hh, mm, ss = '0'] = time.split(':');
  return new Date(fromLocal(date, `${hh}:${mm}`).getTime() + Number(ss) * 1000);
}

describe('legalReceiptTime (Quy chế Art. 10.5)', () => {
  it.each([
    // arrival date, time, legal (Vietnam), rule kind
    ['2026-03-03', '09:15:00', '2026-03-03T09:15:00+07:00', 'in-office-hours'],
    ['2026-03-03', '07:30:00', '2026-03-03T07:30:00+07:00', 'in-office-hours'],
    ['2026-03-03', '16:59:59', '2026-03-03T16:59:59+07:00', 'in-office-hours'],
    ['2026-03-03', '13:30:00', '2026-03-03T13:30:00+07:00', 'in-office-hours'],
    ['2026-03-03', '06:00:00', '2026-03-03T07:30:00+07:00', 'before-hours'],
    ['2026-03-03', '00:00:00', '2026-03-03T07:30:00+07:00', 'before-hours'],
    ['2026-03-03', '07:29:59', '2026-03-03T07:30:00+07:00', 'before-hours'],
    ['2026-03-03', '11:30:00', '2026-03-03T13:30:00+07:00', 'break'],
    ['2026-03-03', '12:45:00', '2026-03-03T13:30:00+07:00', 'break'],
    ['2026-03-03', '17:00:00', '2026-03-04T07:30:00+07:00', 'after-hours'],
    ['2026-03-03', '23:59:59', '2026-03-04T07:30:00+07:00', 'after-hours'],
    ['2026-03-06', '18:00:00', '2026-03-09T07:30:00+07:00', 'after-hours'], // Friday evening → Monday
    ['2026-04-29', '17:30:00', '2026-05-04T07:30:00+07:00', 'after-hours'], // before 30/4–01/5 and the weekend
    ['2026-02-13', '17:05:00', '2026-02-23T07:30:00+07:00', 'after-hours'], // last day before Tết Bính Ngọ
  ])('%s %s → %s (%s)', (date, time, legal, kind) => {
    const result = legalReceiptTime(at(date, time), HOURS, calendar);
    expect(toIso8601VN(result.legal)).toBe(legal);
    expect(result.rule.kind).toBe(kind);
  });

  it.each([
    ['2026-03-07', '10:00:00', '2026-03-09T07:30:00+07:00', { kind: 'weekend' }, '2026-03-09'],
    ['2026-03-08', '10:00:00', '2026-03-09T07:30:00+07:00', { kind: 'weekend' }, '2026-03-09'],
    ['2026-02-17', '08:00:00', '2026-02-23T07:30:00+07:00', { kind: 'holiday', name: 'Tết Nguyên đán (mùng 1)' }, '2026-02-23'],
    ['2026-04-26', '09:00:00', '2026-04-28T07:30:00+07:00', { kind: 'holiday', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }, '2026-04-28'],
    ['2026-01-02', '09:00:00', '2026-01-05T07:30:00+07:00', { kind: 'holiday', name: 'Nghỉ hoán đổi dịp Tết Dương lịch 2026' }, '2026-01-05'],
  ])('%s %s is a day off → %s', (date, time, legal, reason, nextWorkingDay) => {
    const result = legalReceiptTime(at(date, time), HOURS, calendar);
    expect(toIso8601VN(result.legal)).toBe(legal);
    expect(result.rule).toEqual({ kind: 'day-off', reason, nextWorkingDay });
  });

  it('counts a make-up Saturday as a working day', () => {
    const result = legalReceiptTime(at('2026-01-10', '09:00:00'), HOURS, calendar);
    expect(result.rule).toEqual({ kind: 'in-office-hours' });
    const evening = legalReceiptTime(at('2026-01-09', '17:30:00'), HOURS, calendar);
    expect(toIso8601VN(evening.legal)).toBe('2026-01-10T07:30:00+07:00');
  });

  it('treats milliseconds at the boundary as after the end', () => {
    const arrival = new Date(at('2026-03-03', '16:59:59').getTime() + 999);
    expect(legalReceiptTime(arrival, HOURS, calendar).rule.kind).toBe('in-office-hours');
    const justAfter = new Date(at('2026-03-03', '17:00:00').getTime() + 1);
    expect(legalReceiptTime(justAfter, HOURS, calendar).rule.kind).toBe('after-hours');
  });

  it('works with one period and with several', () => {
    const single = [{ start: '08:00', end: '16:00' }];
    expect(toIso8601VN(legalReceiptTime(at('2026-03-03', '12:00:00'), single, calendar).legal)).toBe('2026-03-03T12:00:00+07:00');
    const three = [
      { start: '07:00', end: '09:00' },
      { start: '10:00', end: '11:00' },
      { start: '14:00', end: '16:00' },
    ];
    const r = legalReceiptTime(at('2026-03-03', '09:30:00'), three, calendar);
    expect(toIso8601VN(r.legal)).toBe('2026-03-03T10:00:00+07:00');
    expect(r.rule.kind).toBe('break');
  });

  it("says 'outside-calendar-data' when the answer depends on uncovered days", () => {
    const inOffice = legalReceiptTime(at('2031-03-04', '09:00:00'), HOURS, calendar);
    expect(inOffice.rule).toEqual({ kind: 'outside-calendar-data' });
    expect(toIso8601VN(inOffice.legal)).toBe('2031-03-04T09:00:00+07:00');
    // 31/12/2030 evening: the next day is in 2031, beyond the data; weekends only there (01/01/2031 is a Wednesday).
    const newYearEve = legalReceiptTime(at('2030-12-31', '18:00:00'), HOURS, calendar);
    expect(newYearEve.rule).toEqual({ kind: 'outside-calendar-data' });
    expect(toIso8601VN(newYearEve.legal)).toBe('2031-01-01T07:30:00+07:00');
    const weekend = legalReceiptTime(at('2031-01-04', '09:00:00'), HOURS, calendar);
    expect(toIso8601VN(weekend.legal)).toBe('2031-01-06T07:30:00+07:00');
  });

  it('does not depend on the machine time zone: the arrival instant decides', () => {
    // 23:30 UTC on 3 March is 06:30 on 4 March in Vietnam: before hours on the 4th.
    const result = legalReceiptTime(new Date('2026-03-03T23:30:00Z'), HOURS, calendar);
    expect(result.rule.kind).toBe('before-hours');
    expect(toIso8601VN(result.legal)).toBe('2026-03-04T07:30:00+07:00');
  });

  it('refuses bad office hours', () => {
    expect(() => legalReceiptTime(at('2026-03-03', '09:00:00'), [], calendar)).toThrow(expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }));
    expect(() => legalReceiptTime(at('2026-03-03', '09:00:00'), [{ start: '17:00', end: '07:30' }], calendar)).toThrow(
      expect.objectContaining({ code: 'INVALID_OFFICE_HOURS' }),
    );
  });

  it(`gives up after ${MAX_DAYS_AHEAD} days without a working day`, () => {
    const never: WorkCalendar = { isWorkingDay: () => false, dayOffReason: () => ({ kind: 'holiday', name: 'x' }), covers: () => true };
    expect(() => legalReceiptTime(at('2026-03-03', '09:00:00'), HOURS, never)).toThrow(expect.objectContaining({ code: 'NO_WORKING_DAY' }));
  });
});

describe('validateOfficeHours', () => {
  it.each<[string, OfficePeriod[], { index: number; code: string }[]]>([
    ['two ordered periods', HOURS, []],
    ['touching periods', [{ start: '07:00', end: '12:00' }, { start: '12:00', end: '16:00' }], []],
    ['nothing', [], [{ index: 0, code: 'empty' }]],
    ['end before start', [{ start: '17:00', end: '07:30' }], [{ index: 0, code: 'end-not-after-start' }]],
    ['end equal to start', [{ start: '08:00', end: '08:00' }], [{ index: 0, code: 'end-not-after-start' }]],
    ['bad format', [{ start: '7:30', end: '11:30' }], [{ index: 0, code: 'bad-format' }]],
    ['hour 24', [{ start: '07:30', end: '24:00' }], [{ index: 0, code: 'bad-format' }]],
    ['out of order', [{ start: '13:30', end: '17:00' }, { start: '07:30', end: '11:30' }], [{ index: 1, code: 'out-of-order' }]],
    ['overlap', [{ start: '07:30', end: '12:00' }, { start: '11:30', end: '17:00' }], [{ index: 1, code: 'overlap' }]],
  ])('%s', (_label, periods, problems) => {
    expect(validateOfficeHours(periods)).toEqual(problems);
  });
});
