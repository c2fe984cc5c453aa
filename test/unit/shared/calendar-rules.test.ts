import { describe, expect, it } from 'vitest';
import {
  HolidayRulesSchema,
  buildWorkCalendar,
  expandHolidays,
  validateHolidayRules,
  type HolidayRules,
} from '../../../src/shared/domain/calendar-rules';
import defaultHolidays from '../../../assets/rules/holidays.json';

const rules = HolidayRulesSchema.parse(defaultHolidays);
const calendar = buildWorkCalendar(rules);

function minimalRules(patch: Partial<HolidayRules> = {}): HolidayRules {
  return { years: { from: 2026, to: 2026 }, weekendDays: [0, 6], solar: [], lunar: [], extraDaysOff: [], makeUpWorkdays: [], ...patch };
}

describe('assets/rules/holidays.json (BLLĐ 2019 Art. 112)', () => {
  it('parses and is consistent', () => {
    expect(rules.years).toEqual({ from: 2024, to: 2030 });
    expect(rules.weekendDays).toEqual([0, 6]);
    expect(validateHolidayRules(rules)).toEqual([]);
  });

  it('gives 11 statutory holidays every year (Art. 112.1), some possibly on weekends', () => {
    const statutoryOnly = expandHolidays({ ...rules, extraDaysOff: [] });
    for (let year = 2024; year <= 2030; year += 1) {
      const statutory = [...statutoryOnly.keys()].filter((d) => d.startsWith(`${year}-`));
      expect(statutory.length, `year ${year}`).toBe(11);
    }
  });

  it.each([
    // date, working?, reason
    ['2026-01-01', false, 'Tết Dương lịch'],
    ['2026-01-02', false, 'Nghỉ hoán đổi dịp Tết Dương lịch 2026'],
    ['2026-01-10', true, null], // Saturday, make-up day overrides the weekend
    ['2026-01-03', false, 'weekend'],
    ['2026-02-13', true, null],
    ['2026-02-16', false, 'Tết Nguyên đán (ngày cuối năm âm lịch)'], // 29 tháng Chạp Ất Tỵ
    ['2026-02-17', false, 'Tết Nguyên đán (mùng 1)'],
    ['2026-02-20', false, 'Tết Nguyên đán (mùng 4)'],
    ['2026-02-23', true, null],
    ['2026-04-26', false, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'], // a Sunday: reported as the holiday
    ['2026-04-27', false, 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4/2026 là Chủ nhật)'],
    ['2026-04-28', true, null],
    ['2026-04-30', false, 'Ngày Chiến thắng (30/4)'],
    ['2026-05-01', false, 'Ngày Quốc tế Lao động (01/5)'],
    ['2026-09-01', false, 'Quốc khánh (ngày liền kề)'],
    ['2026-09-02', false, 'Quốc khánh (02/9)'],
    ['2026-09-03', true, null],
    ['2025-01-27', false, 'Nghỉ Tết Nguyên đán Ất Tỵ'],
    ['2025-01-28', false, 'Tết Nguyên đán (ngày cuối năm âm lịch)'],
    ['2025-02-03', true, null],
    ['2025-04-07', false, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2025-04-26', true, null],
    ['2025-05-02', false, 'Nghỉ hoán đổi dịp 30/4–01/5/2025'],
    ['2024-02-09', false, 'Tết Nguyên đán (ngày cuối năm âm lịch)'], // 30 tháng Chạp Quý Mão
    ['2024-05-04', true, null],
    ['2024-09-03', false, 'Quốc khánh (ngày liền kề, năm 2024)'],
    ['2030-02-01', false, 'Tết Nguyên đán (ngày cuối năm âm lịch)'],
    ['2030-02-05', false, 'Tết Nguyên đán (mùng 4)'],
    ['2030-02-06', true, null],
  ])('%s: working %s (%s)', (date, working, reason) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    const off = calendar.dayOffReason(date);
    if (reason === null) expect(off).toBeNull();
    else if (reason === 'weekend') expect(off).toEqual({ kind: 'weekend' });
    else expect(off).toEqual({ kind: 'holiday', name: reason });
  });

  it('Tết Bính Ngọ 2026 gives nine days off in a row (14–22/02/2026)', () => {
    const off = ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => calendar.isWorkingDay(`2026-02-${d}`));
    expect(off.every((w) => !w)).toBe(true);
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('Tết Ất Tỵ 2025 gives nine days off in a row (25/01–02/02/2025, 8726/VPCP-KGVX)', () => {
    const days = ['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'];
    expect(days.filter((d) => calendar.isWorkingDay(d))).toEqual([]);
  });
});

describe('buildWorkCalendar', () => {
  it('falls back to weekends outside the covered years', () => {
    expect(calendar.covers('2030-12-31')).toBe(true);
    expect(calendar.covers('2031-01-01')).toBe(false);
    expect(calendar.covers('2023-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2031-01-01')).toBe(true); // a Wednesday: the holiday is unknown there
    expect(calendar.dayOffReason('2031-01-04')).toEqual({ kind: 'weekend' });
    expect(calendar.isWorkingDay('2023-12-29')).toBe(true);
  });

  it('lets a make-up day override a weekend, and custom weekends', () => {
    const cal = buildWorkCalendar(minimalRules({ weekendDays: [0], makeUpWorkdays: [{ date: '2026-03-01', name: 'Làm bù' }] }));
    expect(cal.isWorkingDay('2026-02-28')).toBe(true); // Saturday is a working day with a Sunday-only weekend
    expect(cal.isWorkingDay('2026-03-01')).toBe(true);
    expect(cal.isWorkingDay('2026-03-08')).toBe(false);
  });

  it("places 'last' on the 29th or 30th and clamps day 30 in a 29-day month", () => {
    const cal = buildWorkCalendar(
      minimalRules({
        weekendDays: [],
        lunar: [
          { month: 12, day: 'last', name: 'Tất niên' },
          { month: 1, day: 30, name: 'Ngày 30 tháng Giêng' },
        ],
      }),
    );
    expect(cal.dayOffReason('2026-02-16')).toEqual({ kind: 'holiday', name: 'Tất niên' });
    const days = expandHolidays(
      minimalRules({ lunar: [{ month: 12, day: 30, name: 'Ba mươi' }] }),
    );
    // Chạp Ất Tỵ has only 29 days, so "day 30" lands on its last day, Tết eve.
    expect(days.get('2026-02-16')).toBe('Ba mươi');
  });

  it('throws on malformed dates', () => {
    expect(() => calendar.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => calendar.covers('16/02/2026')).toThrow(RangeError);
  });
});

describe('HolidayRulesSchema and validateHolidayRules', () => {
  it.each([
    ['years reversed', { years: { from: 2027, to: 2026 } }],
    ['weekend day 7', { weekendDays: [7] }],
    ['31 April', { solar: [{ month: 4, day: 31, name: 'x' }] }],
    ['month 13', { solar: [{ month: 13, day: 1, name: 'x' }] }],
    ['empty name', { solar: [{ month: 1, day: 1, name: ' ' }] }],
    ['lunar day 31', { lunar: [{ month: 1, day: 31, name: 'x' }] }],
    ["lunar day 'first'", { lunar: [{ month: 1, day: 'first', name: 'x' }] }],
    ['not a real date', { extraDaysOff: [{ date: '2026-02-29', name: 'x' }] }],
    ['dd/MM/yyyy date', { makeUpWorkdays: [{ date: '10/01/2026', name: 'x' }] }],
    ['unknown key', { holidays: [] }],
  ])('rejects %s', (_label, patch) => {
    expect(HolidayRulesSchema.safeParse({ ...minimalRules(), ...patch }).success).toBe(false);
  });

  it('accepts a minimal rule set with a note and sources', () => {
    const parsed = HolidayRulesSchema.safeParse({
      ...minimalRules(),
      note: 'test',
      extraDaysOff: [{ date: '2026-01-02', name: 'x', source: 'CV 1' }],
    });
    expect(parsed.success).toBe(true);
  });

  it('reports inconsistent data', () => {
    const problems = validateHolidayRules(
      minimalRules({
        weekendDays: [0, 6, 6],
        solar: [{ month: 1, day: 3, name: 'Lễ' }],
        extraDaysOff: [{ date: '2027-01-02', name: 'ngoài năm' }],
        makeUpWorkdays: [
          { date: '2026-01-05', name: 'thứ Hai' },
          { date: '2026-01-03', name: 'trùng lễ' },
          { date: '2026-01-03', name: 'lặp' },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { code: 'duplicate-weekend-day' },
        { code: 'date-outside-years', date: '2027-01-02' },
        { code: 'make-up-not-weekend', date: '2026-01-05' },
        { code: 'make-up-is-holiday', date: '2026-01-03' },
        { code: 'duplicate-date', date: '2026-01-03' },
      ]),
    );
  });
});
