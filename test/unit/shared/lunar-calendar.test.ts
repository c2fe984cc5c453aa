import { describe, expect, it } from 'vitest';
import {
  jdFromDate,
  jdToDate,
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
} from '../../../src/shared/domain/lunar-calendar';
import { addDaysIso } from '../../../src/shared/util/time';

describe('Vietnamese lunar calendar (Hồ Ngọc Đức, UTC+7)', () => {
  // Tết Nguyên đán (1/1 âm lịch) as published for Vietnam.
  it.each([
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    // The new moon of February 2030 falls at 16:08 UTC on 2 February: 23:08 in Vietnam (UTC+7) but 00:08 on
    // 3 February in China (UTC+8). Vietnamese Tết Canh Tuất is therefore 2 February 2030, a day before the
    // Chinese New Year (3 February), as in 1985 and 2007. The brief listed 2030-02-03, the Chinese date.
    [2030, '2030-02-02'],
    [2007, '2007-02-17'],
    [1985, '1985-01-21'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarToSolar({ day: 1, month: 1, year, leap: false })).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 1, month: 1, year, leap: false });
    // The day before is the last day of month 12 of the previous lunar year.
    const eve = solarToLunar(addDaysIso(date, -1));
    expect(eve).toMatchObject({ month: 12, year: year - 1, leap: false });
    expect(eve.day).toBe(lunarMonthLength({ month: 12, year: year - 1 }));
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương (10/3 âm lịch) %i is %s', (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(date);
    expect(solarToLunar(date)).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it.each([
    [2023, 2],
    [2025, 6],
    [2028, 5],
    [2024, null],
    [2026, null],
  ])('the leap month of %i is %s', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it('reads dates in a leap month', () => {
    // Tháng 6 nhuận Ất Tỵ 2025 began on 25 July 2025.
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: false })).toBe('2025-06-25');
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
  });

  it('round-trips every day from 2024 to 2030', () => {
    let date = '2024-01-01';
    let previous = solarToLunar(addDaysIso(date, -1));
    while (date <= '2030-12-31') {
      const lunar = solarToLunar(date);
      expect(lunarToSolar(lunar)).toBe(date);
      // Days advance by one, or start a new month after day 29 or 30.
      if (lunar.day === 1) expect([29, 30]).toContain(previous.day);
      else expect(lunar.day).toBe(previous.day + 1);
      previous = lunar;
      date = addDaysIso(date, 1);
    }
  });

  it('has months of 29 or 30 days', () => {
    for (let year = 2024; year <= 2030; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        expect([29, 30]).toContain(lunarMonthLength({ month, year }));
      }
    }
    expect(lunarMonthLength({ month: 12, year: 2025 })).toBe(29); // Tết eve 2026 is 29 tháng Chạp (16/02/2026)
    expect(lunarMonthLength({ month: 12, year: 2023 })).toBe(30); // Tết eve 2024 is 30 tháng Chạp (09/02/2024)
  });

  it.each([
    [{ day: 1, month: 7, year: 2025, leap: true }], // 2025 has leap 6, not 7
    [{ day: 1, month: 1, year: 2026, leap: true }], // 2026 has no leap month
    [{ day: 30, month: 12, year: 2025, leap: false }], // Chạp Ất Tỵ has 29 days
    [{ day: 0, month: 1, year: 2026, leap: false }],
    [{ day: 1, month: 13, year: 2026, leap: false }],
    [{ day: 1, month: 0, year: 2026, leap: false }],
    [{ day: 1.5, month: 1, year: 2026, leap: false }],
    [{ day: 1, month: 1, year: 1700, leap: false }],
  ])('lunarToSolar rejects %j', (date) => {
    expect(() => lunarToSolar(date)).toThrow(expect.objectContaining({ code: 'INVALID_LUNAR_DATE' }));
  });

  it.each([['2026-02-30'], ['1799-12-31'], ['2200-01-01'], ['17/02/2026'], ['']])('solarToLunar rejects %j', (date) => {
    expect(() => solarToLunar(date)).toThrow(expect.objectContaining({ code: 'INVALID_LUNAR_DATE' }));
  });

  it('converts Julian day numbers both ways', () => {
    expect(jdFromDate(1, 1, 2000)).toBe(2451545);
    expect(jdToDate(2451545)).toEqual({ day: 1, month: 1, year: 2000 });
    expect(jdToDate(jdFromDate(29, 2, 2024))).toEqual({ day: 29, month: 2, year: 2024 });
  });
});
