import { describe, expect, it } from 'vitest';
import {
  cancelEntry,
  codeNotationKey,
  findDuplicateRegistration,
  nextRegisterNumber,
  registerYear,
  type RegisterEntryStatus,
} from '../../../src/shared/domain/numbering';
import { DomainError, isDomainError } from '../../../src/shared/domain/domain-error';

describe('registerYear (NĐ 30 Art. 15.1, 22.2: the series restarts on 1 January, Vietnam time)', () => {
  it.each([
    ['2025-12-31T16:59:59.999Z', 2025],
    ['2025-12-31T17:00:00.000Z', 2026],
    ['2026-06-15T03:00:00.000Z', 2026],
    ['2030-12-31T16:59:59.000Z', 2030],
  ])('%s belongs to %i', (utc, year) => {
    expect(registerYear(new Date(utc))).toBe(year);
  });

  it('rejects an Invalid Date', () => {
    expect(() => registerYear(new Date('x'))).toThrow(RangeError);
  });
});

describe('nextRegisterNumber (Art. 9.4: unique, never reused)', () => {
  it.each([
    [undefined, 1],
    [0, 1],
    [1, 2],
    [41, 42],
  ])('after %s comes %i', (highest, next) => {
    expect(nextRegisterNumber(highest)).toBe(next);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects %s', (highest) => {
    expect(() => nextRegisterNumber(highest)).toThrow(DomainError);
  });
});

describe('cancelEntry (a cancelled entry keeps its number and stays visible)', () => {
  const entry = { id: 'e1', number: 17, status: 'active' as RegisterEntryStatus, abstract: 'Trích yếu' };
  const at = new Date('2026-03-02T02:15:00Z');

  it('returns a cancelled copy with the same number', () => {
    const cancelled = cancelEntry(entry, { reason: '  Đăng ký nhầm  ', at, actor: 'vanthu1' });
    expect(cancelled).toEqual({
      id: 'e1',
      number: 17,
      status: 'cancelled',
      abstract: 'Trích yếu',
      cancelledAt: '2026-03-02T09:15:00+07:00',
      cancelReason: 'Đăng ký nhầm',
      cancelledBy: 'vanthu1',
    });
    expect(entry.status).toBe('active'); // input untouched
  });

  it('refuses to cancel twice', () => {
    const cancelled = cancelEntry(entry, { reason: 'Nhầm', at, actor: 'vanthu1' });
    let caught: unknown;
    try {
      cancelEntry(cancelled, { reason: 'Lần nữa', at, actor: 'vanthu1' });
    } catch (e) {
      caught = e;
    }
    expect(isDomainError(caught, 'ALREADY_CANCELLED')).toBe(true);
  });

  it.each([[''], ['   '], ['x'.repeat(501)]])('refuses the reason %j', (reason) => {
    expect(() => cancelEntry(entry, { reason, at, actor: 'vanthu1' })).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });

  it('refuses an empty actor', () => {
    expect(() => cancelEntry(entry, { reason: 'Nhầm', at, actor: ' ' })).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });
});

describe('findDuplicateRegistration (Phụ lục VI Phần I III)', () => {
  const existing = [
    { id: 'a', codeNotation: '05/BNV-VP', issuer: 'Bộ Nội vụ' },
    { id: 'b', codeNotation: '12/QĐ-UBND', issuer: 'UBND tỉnh Lai Châu', documentDate: '2025-03-01' },
    { id: 'c', codeNotation: '12/QĐ-UBND', issuer: 'UBND tỉnh Lai Châu', documentDate: '2026-02-01' },
  ];

  it.each([
    [{ codeNotation: '5/BNV-VP', issuer: 'Bộ Nội vụ' }, 'a'],
    [{ codeNotation: 'Số: 05/bnv-vp', issuer: 'bo noi vu' }, 'a'],
    [{ codeNotation: '05/BNV-VP', issuer: '  BỘ  NỘI VỤ ' }, 'a'],
    [{ codeNotation: '12/qđ-ubnd', issuer: 'Ubnd tinh Lai Chau', documentDate: '2026-05-05' }, 'c'],
    [{ codeNotation: '12/QĐ-UBND', issuer: 'UBND tỉnh Lai Châu', documentDate: '2025-12-31' }, 'b'],
    [{ codeNotation: '12/QĐ-UBND', issuer: 'UBND tỉnh Lai Châu' }, 'b'],
    [{ codeNotation: '05/BNV-VP', issuer: 'Bộ Tài chính' }, null],
    [{ codeNotation: '06/BNV-VP', issuer: 'Bộ Nội vụ' }, null],
    [{ codeNotation: '12/QĐ-UBND', issuer: 'UBND tỉnh Lai Châu', documentDate: '2024-01-10' }, null],
    [{ codeNotation: '', issuer: 'Bộ Nội vụ' }, null],
    [{ codeNotation: '05/BNV-VP', issuer: '' }, null],
  ])('%j → %s', (candidate, id) => {
    expect(findDuplicateRegistration(candidate, existing)).toBe(id);
  });

  it('compares unparsable codes as folded text', () => {
    expect(codeNotationKey('Công văn không số')).toBe('congvankhongso');
    expect(findDuplicateRegistration({ codeNotation: 'cong van khong so', issuer: 'X' }, [
      { id: 'z', codeNotation: 'Công văn không số', issuer: 'x' },
    ])).toBe('z');
  });

  it('accepts any iterable', () => {
    function* gen() {
      yield { id: 'g', codeNotation: '01/TB-UBND', issuer: 'UBND xã' };
    }
    expect(findDuplicateRegistration({ codeNotation: '1/TB-UBND', issuer: 'ubnd xa' }, gen())).toBe('g');
  });
});
