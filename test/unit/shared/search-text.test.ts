import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TOKENS, foldVietnamese, matchesQuery, searchTokens } from '../../../src/shared/util/search-text';
import { assertNever } from '../../../src/shared/util/assert-never';

describe('foldVietnamese', () => {
  it.each([
    ['Đề án Hỏa tốc', 'de an hoa toc'],
    ['ĐỀ ÁN HOẢ TỐC', 'de an hoa toc'], // old-style tone placement folds the same
    ['Quyết định 12/QĐ-UBND', 'quyet dinh 12/qd-ubnd'],
    ['Ủy ban nhân dân tỉnh Lai Châu', 'uy ban nhan dan tinh lai chau'],
    ['Thượng khẩn', 'thuong khan'],
    ['  nhiều   khoảng\ttrắng \n', 'nhieu khoang trang'],
    ['\u00D0ề án', 'de an'], // Icelandic eth typed instead of Đ
    ['', ''],
  ])('folds %j to %j', (text, folded) => {
    expect(foldVietnamese(text)).toBe(folded);
  });

  it('treats NFD input like NFC input', () => {
    const nfd = 'Hỏa tốc'.normalize('NFD');
    expect(foldVietnamese(nfd)).toBe('hoa toc');
  });

  it('returns an empty string for non-strings', () => {
    expect(foldVietnamese(undefined as unknown as string)).toBe('');
  });
});

describe('searchTokens', () => {
  it('keeps a số/ký hiệu whole and also split', () => {
    expect(searchTokens('Số 12/QĐ-UBND')).toEqual(['so', '12/qd-ubnd', '12', 'qd', 'ubnd']);
  });

  it('drops punctuation and repeats', () => {
    expect(searchTokens('Báo cáo, báo cáo; (Hỏa tốc)!')).toEqual(['bao', 'cao', 'hoa', 'toc']);
  });

  it('caps the number of tokens', () => {
    const text = Array.from({ length: 200 }, (_, i) => `tu${i}`).join(' ');
    const tokens = searchTokens(text);
    expect(tokens).toHaveLength(MAX_SEARCH_TOKENS);
    expect(tokens[0]).toBe('tu0');
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(searchTokens('')).toEqual([]);
    expect(searchTokens(' -- / ,, ')).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const hay = foldVietnamese('Quyết định 12/QĐ-UBND về việc Hỏa tốc UBND tỉnh Lai Châu');
  it.each([
    ['hoa toc', true],
    ['Hỏa Tốc', true],
    ['12/qd', true],
    ['lai chau quyet', true],
    ['ubnd   tinh', true],
    ['', true],
    ['thuong khan', false],
    ['hoa xyz', false],
  ])('query %j → %s', (query, expected) => {
    expect(matchesQuery(hay, query)).toBe(expected);
  });
});

describe('assertNever', () => {
  it('throws on the value that slipped through', () => {
    expect(() => assertNever('lạ' as never)).toThrow(/lạ/);
  });
});
