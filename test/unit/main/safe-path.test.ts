// House rule 10: every validator of outside input has a table-driven test (javascript:, file:, UNC, '..',
// credentials in URLs). Architecture: "File names from outside never become paths".
import { describe, expect, it } from 'vitest';
import { isInsideDir, isSafeExternalUrl, toSafeFileName } from '../../../src/main/util/safe-path';

describe('isInsideDir', () => {
  it.each([
    ['/data/rules', '/data/rules/holidays.json', true],
    ['/data/rules', 'holidays.json', true],
    ['/data/rules', '/data/rules', true],
    ['/data/rules', '/data/rules/sub/../x.json', true],
    ['/data/rules', '/data/rules/../settings.json', false],
    ['/data/rules', '../../etc/passwd', false],
    ['/data/rules', '/data/rules-evil/x.json', false],
    ['/data/rules', '/etc/passwd', false],
    ['/data/rules', '/data/rules/x\0.json', false],
    ['', '/data/rules/x.json', false],
  ])('root %s, candidate %s → %s', (root, candidate, expected) => {
    expect(isInsideDir(root, candidate)).toBe(expected);
  });
});

describe('toSafeFileName', () => {
  it.each([
    ['holidays-2026.json', 'holidays-2026.json'],
    ['Ngày nghỉ 2026.json', 'Ngày nghỉ 2026.json'],
    ['a.b.json', 'a.b.json'],
  ])('accepts %s', (input, expected) => {
    expect(toSafeFileName(input)).toBe(expected);
  });

  it.each([
    ['parent directory', '..'],
    ['current directory', '.'],
    ['traversal', '../../etc/passwd'],
    ['embedded dots', 'a..json'],
    ['slash', 'rules/holidays.json'],
    ['backslash', 'rules\\holidays.json'],
    ['UNC path', '\\\\server\\share\\x.json'],
    ['drive letter', 'C:holidays.json'],
    ['NUL', 'x\0.json'],
    ['newline', 'x\n.json'],
    ['DEL', 'x\u007f.json'],
    ['reserved CON', 'CON'],
    ['reserved with extension', 'nul.json'],
    ['reserved COM1', 'com1.txt'],
    ['trailing dot', 'holidays.'],
    ['leading space', ' holidays.json'],
    ['empty', ''],
    ['too long', `${'a'.repeat(116)}.json`],
    ['wildcard', 'x*.json'],
    ['not a string', 42],
    ['null', null],
  ])('rejects %s', (_label, input) => {
    expect(toSafeFileName(input)).toBe(false);
  });

  it('accepts exactly 120 characters', () => {
    const name = `${'a'.repeat(115)}.json`;
    expect(toSafeFileName(name)).toBe(name);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://vanban.laichau.gov.vn/', 'vanban.laichau.gov.vn'],
    ['http://10.0.0.5:8080/truc', '10.0.0.5'],
  ])('accepts %s', (input, host) => {
    const url = isSafeExternalUrl(input);
    expect(url).not.toBe(false);
    expect(url && url.hostname).toBe(host);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript with spaces', ' javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['UNC path', '\\\\server\\share\\doc.pdf'],
    ['protocol-relative', '//evil.example/x'],
    ['credentials', 'https://user:pass@vanban.laichau.gov.vn/'],
    ['user only', 'https://user@vanban.laichau.gov.vn/'],
    ['relative', '../package.json'],
    ['ftp:', 'ftp://example.com/x'],
    ['app scheme', 'app://secretariat/index.html'],
    ['empty', ''],
    ['not a string', { href: 'https://x' }],
  ])('rejects %s', (_label, input) => {
    expect(isSafeExternalUrl(input)).toBe(false);
  });
});
