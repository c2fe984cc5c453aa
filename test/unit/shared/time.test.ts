import { describe, expect, it } from 'vitest';
import {
  VN_OFFSET_MINUTES,
  addDaysIso,
  daysBetweenIso,
  formatDateTimeVN,
  formatDateVN,
  fromLocal,
  isIsoDate,
  localIsoDate,
  localParts,
  parseDateVN,
  parseHourMinute,
  toIso8601VN,
  weekdayOfIso,
} from '../../../src/shared/util/time';

// Vietnam is UTC+7 all year (no DST): every expectation below is computed from UTC instants, never from the
// machine's zone, so the tests pass whatever TZ the runner has.
describe('Vietnam time helpers', () => {
  it('has a fixed +7 h offset', () => {
    expect(VN_OFFSET_MINUTES).toBe(420);
  });

  it.each([
    // UTC instant, Vietnam date, hour, minute, weekday
    ['2025-12-31T16:59:59Z', '2025-12-31', 23, 59, 3],
    ['2025-12-31T17:00:00Z', '2026-01-01', 0, 0, 4], // numbering year changes at 00:00 Vietnam time (Art. 15.1)
    ['2026-01-05T02:30:00Z', '2026-01-05', 9, 30, 1],
    ['2024-02-28T17:00:00Z', '2024-02-29', 0, 0, 4], // leap day
    ['2026-06-30T23:59:00Z', '2026-07-01', 6, 59, 3],
  ])('localParts(%s) is %s %i:%i', (utc, date, hour, minute, weekday) => {
    const parts = localParts(new Date(utc));
    expect(localIsoDate(new Date(utc))).toBe(date);
    expect(parts).toMatchObject({ hour, minute, weekday });
    expect(`${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`).toBe(date);
  });

  it.each([
    ['2026-01-05', '09:30', '2026-01-05T02:30:00.000Z'],
    ['2026-01-01', '00:00', '2025-12-31T17:00:00.000Z'],
    ['2026-01-01', undefined, '2025-12-31T17:00:00.000Z'],
    ['2024-02-29', '23:59', '2024-02-29T16:59:00.000Z'],
  ])('fromLocal(%s, %s) is %s', (date, hhmm, utc) => {
    expect(fromLocal(date, hhmm).toISOString()).toBe(utc);
  });

  it.each([['2026-02-30'], ['2025-02-29'], ['2026-13-01'], ['26-01-05'], [''], ['2026-1-5'], ['2026-01-05T00:00']])(
    'fromLocal rejects the date %j',
    (date) => {
      expect(() => fromLocal(date)).toThrow(RangeError);
    },
  );

  it.each([['24:00'], ['9:30'], ['09:60'], ['0930'], ['']])('fromLocal rejects the time %j', (hhmm) => {
    expect(() => fromLocal('2026-01-05', hhmm)).toThrow(RangeError);
  });

  it('round-trips local parts and fromLocal', () => {
    for (const date of ['2024-01-01', '2025-06-15', '2030-12-31']) {
      expect(localIsoDate(fromLocal(date, '00:00'))).toBe(date);
      expect(localIsoDate(fromLocal(date, '23:59'))).toBe(date);
    }
  });

  it('formats dates the Vietnamese way', () => {
    expect(formatDateVN('2026-01-05')).toBe('05/01/2026');
    expect(formatDateVN(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026');
    expect(formatDateTimeVN(new Date('2026-01-05T02:30:00Z'))).toBe('09:30 05/01/2026');
    expect(formatDateTimeVN(new Date('2025-12-31T17:05:00Z'))).toBe('00:05 01/01/2026');
    expect(() => formatDateVN('05/01/2026')).toThrow(RangeError);
    expect(() => formatDateVN(new Date('not a date'))).toThrow(RangeError);
  });

  it('writes ISO 8601 with the +07:00 offset (Phụ lục I I.8b)', () => {
    expect(toIso8601VN(new Date('2026-01-05T02:30:00Z'))).toBe('2026-01-05T09:30:00+07:00');
    expect(toIso8601VN(new Date('2025-12-31T17:00:00.999Z'))).toBe('2026-01-01T00:00:00+07:00');
    expect(toIso8601VN(fromLocal('2026-01-05', '09:30'))).toBe('2026-01-05T09:30:00+07:00');
  });

  it.each([
    ['05/01/2026', '2026-01-05'],
    ['5/1/2026', '2026-01-05'],
    [' 29/02/2024 ', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
    ['29/02/2025', null],
    ['31/04/2026', null],
    ['00/01/2026', null],
    ['01/13/2026', null],
    ['2026-01-05', null],
    ['05-01-2026', null],
    ['05/01/26', null],
    ['', null],
    ['abc', null],
  ])('parseDateVN(%j) is %j', (text, expected) => {
    expect(parseDateVN(text)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDaysIso(%s, %i) is %s', (date, n, expected) => {
    expect(addDaysIso(date, n)).toBe(expected);
    expect(daysBetweenIso(date, expected)).toBe(n);
  });

  it('rejects bad input to the date arithmetic', () => {
    expect(() => addDaysIso('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDaysIso('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => weekdayOfIso('x')).toThrow(RangeError);
  });

  it('knows weekdays and validates ISO dates and HH:mm', () => {
    expect(weekdayOfIso('2026-02-17')).toBe(2); // Tết Bính Ngọ is a Tuesday
    expect(weekdayOfIso('2025-01-25')).toBe(6);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate(20260228)).toBe(false);
    expect(parseHourMinute('07:30')).toBe(450);
    expect(parseHourMinute('23:59')).toBe(1439);
    expect(parseHourMinute('7:30')).toBeNull();
  });
});
