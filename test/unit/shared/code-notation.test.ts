import { describe, expect, it } from 'vitest';
import {
  formatCodeNotation,
  formatDocumentNumber,
  isCanonicalCodeNotation,
  parseCodeNotation,
} from '../../../src/shared/domain/code-notation';
import { DomainError } from '../../../src/shared/domain/domain-error';

describe('formatDocumentNumber (Phụ lục I I.3: leading zero below 10)', () => {
  it.each([
    [1, '01'],
    [5, '05'],
    [9, '09'],
    [10, '10'],
    [125, '125'],
    [12345, '12345'],
  ])('%i → %s', (n, text) => {
    expect(formatDocumentNumber(n)).toBe(text);
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects %s', (n) => {
    expect(() => formatDocumentNumber(n)).toThrow(DomainError);
  });
});

describe('formatCodeNotation', () => {
  it.each([
    [{ number: 12, typeAbbreviation: 'QĐ', organization: 'UBND' }, '12/QĐ-UBND'],
    [{ number: 5, typeAbbreviation: 'SY', organization: 'UBND' }, '05/SY-UBND'],
    [{ number: 3, typeAbbreviation: 'QyĐ', organization: 'UBND' }, '03/QyĐ-UBND'],
    [{ number: 125, typeAbbreviation: null, organization: 'UBND', unit: 'VP' }, '125/UBND-VP'],
    [{ number: 7, organization: 'BNV', unit: 'VP' }, '07/BNV-VP'],
    [{ number: 15, typeAbbreviation: 'QĐ', organization: 'UBND', unit: 'VP' }, '15/QĐ-UBND-VP'],
    [{ number: 1, typeAbbreviation: ' TB ', organization: 'KH&CN' }, '01/TB-KH&CN'],
  ])('%j → %s', (input, expected) => {
    expect(formatCodeNotation(input)).toBe(expected);
    expect(isCanonicalCodeNotation(expected)).toBe(!expected.includes('&'));
  });

  it.each([
    [{ number: 0, typeAbbreviation: 'QĐ', organization: 'UBND' }, 'INVALID_NUMBER'],
    [{ number: 12, typeAbbreviation: 'QĐ', organization: '' }, 'INVALID_CODE_PART'],
    [{ number: 12, typeAbbreviation: 'QĐ', organization: 'UB ND' }, 'INVALID_CODE_PART'],
    [{ number: 12, typeAbbreviation: 'QĐ', organization: 'UBND-VP' }, 'INVALID_CODE_PART'],
    [{ number: 12, typeAbbreviation: 'Q/Đ', organization: 'UBND' }, 'INVALID_CODE_PART'],
    [{ number: 12, typeAbbreviation: '', organization: 'UBND' }, 'INVALID_CODE_PART'],
    [{ number: 12, organization: 'UBND' }, 'MISSING_UNIT'],
    [{ number: 12, typeAbbreviation: null, organization: 'UBND', unit: '  ' }, 'MISSING_UNIT'],
  ])('%j fails with %s', (input, code) => {
    expect(() => formatCodeNotation(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe('parseCodeNotation', () => {
  it.each([
    ['12/QĐ-UBND', { number: 12, notation: 'QĐ-UBND', typeAbbreviation: 'QĐ', parts: ['QĐ', 'UBND'], canonical: '12/QĐ-UBND' }],
    ['125/UBND-VP', { number: 125, notation: 'UBND-VP', parts: ['UBND', 'VP'], canonical: '125/UBND-VP' }],
    ['05/SY-UBND', { number: 5, notation: 'SY-UBND', typeAbbreviation: 'SY', canonical: '05/SY-UBND' }],
    ['Số: 12/QĐ-UBND', { number: 12, notation: 'QĐ-UBND', canonical: '12/QĐ-UBND' }],
    ['Số 12/QĐ-UBND', { number: 12, canonical: '12/QĐ-UBND' }],
    ['30/2020/NĐ-CP', { number: 30, year: 2020, notation: 'NĐ-CP', canonical: '30/2020/NĐ-CP' }],
    ['5/BNV-VP', { number: 5, notation: 'BNV-VP', canonical: '05/BNV-VP' }],
    ['  7816/VPCP-TTĐT ', { number: 7816, notation: 'VPCP-TTĐT', canonical: '7816/VPCP-TTĐT' }],
    ['15/QĐ-TTg', { number: 15, typeAbbreviation: 'QĐ', parts: ['QĐ', 'TTg'] }],
    ['02/CTr-UBND', { typeAbbreviation: 'CTr' }],
    ['12/qđ-ubnd', { number: 12, notation: 'qđ-ubnd' }],
    ['3/KH&CN', { number: 3, notation: 'KH&CN', parts: ['KH&CN'] }],
    ['12/Q\u00D0-UBND', { notation: 'QĐ-UBND', typeAbbreviation: 'QĐ' }],
  ])('reads %j', (text, expected) => {
    expect(parseCodeNotation(text)).toMatchObject(expected);
  });

  it('does not mistake an organisation for a type', () => {
    expect(parseCodeNotation('125/UBND-VP')?.typeAbbreviation).toBeUndefined();
    expect(parseCodeNotation('12/BC')?.typeAbbreviation).toBeUndefined(); // a single group is the organisation
    expect(parseCodeNotation('12/QĐ-UBND')?.year).toBeUndefined();
  });

  it('reads the NFD form as NFC', () => {
    expect(parseCodeNotation('12/QĐ-UBND'.normalize('NFD'))?.notation).toBe('QĐ-UBND');
  });

  it.each([
    [''],
    ['   '],
    ['12 /QĐ-UBND'],
    ['12/QĐ - UBND'],
    ['12/QĐ UBND'],
    ['12QĐ-UBND'],
    ['1a/QĐ-UBND'],
    ['A12/QĐ-UBND'],
    ['0/QĐ-UBND'],
    ['00/QĐ-UBND'],
    ['12/'],
    ['/QĐ-UBND'],
    ['12/QĐ-'],
    ['12/-UBND'],
    ['12/QĐ--UBND'],
    ['12/QĐ-UBND/'],
    ['12/20/QĐ-UBND'],
    ['30/0020/NĐ-CP'],
    ['123456789012/QĐ-UBND'],
    ['12/' + 'A'.repeat(31)],
  ])('rejects %j', (text) => {
    expect(parseCodeNotation(text)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(parseCodeNotation(12 as unknown as string)).toBeNull();
  });
});

describe('isCanonicalCodeNotation (standards.md §4.4)', () => {
  it.each([
    ['12/QĐ-UBND', true],
    ['Số: 12/QĐ-UBND', true],
    ['05/BNV-VP', true],
    ['15/QĐ-BNV', true],
    ['12/UBND-VX', true],
    ['03/QyĐ-UBND', true],
    ['02/TTr-UBND', true],
    ['5/BNV-VP', false],
    ['012/QĐ-UBND', false],
    ['12/QĐ', false],
    ['12/QĐ-UBND ', false],
    ['Số:12/QĐ-UBND', false],
    ['12/1QĐ-UBND', false],
    ['30/2020/NĐ-CP', false],
  ])('%j → %s', (text, expected) => {
    expect(isCanonicalCodeNotation(text)).toBe(expected);
  });

  it('accepts the VBQPPL year only when asked', () => {
    expect(isCanonicalCodeNotation('30/2020/NĐ-CP', { allowYear: true })).toBe(true);
    expect(isCanonicalCodeNotation('30/20/NĐ-CP', { allowYear: true })).toBe(false);
    expect(isCanonicalCodeNotation(null as unknown as string)).toBe(false);
  });
});
