// Pre-checks of a chosen file (architecture.md: sizes bounded before anything is read into memory).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FILE_BYTES } from '../../../../../src/shared/api/limits';
import { checkFileSize, checkPdfHeader, precheckFile, type FileLike } from '../../../../../src/renderer/features/registration/file-checks';
import { ERROR_MESSAGES } from '../../../../../src/renderer/i18n/vi';

const enc = (s: string) => new TextEncoder().encode(s);

describe('checkFileSize', () => {
  it.each([
    [0, 'EMPTY_FILE'],
    [-1, 'EMPTY_FILE'],
    [Number.NaN, 'EMPTY_FILE'],
    [1, null],
    [MAX_FILE_BYTES, null],
    [MAX_FILE_BYTES + 1, 'TOO_LARGE'],
    [300 * 1024 * 1024, 'TOO_LARGE'],
  ])('size %s → %s', (size, expected) => {
    expect(checkFileSize(size)).toBe(expected);
  });
});

describe('checkPdfHeader', () => {
  it.each([
    ['%PDF-1.7\n', null],
    ['%PDF-', null],
    ['%PDF', 'NOT_PDF'],
    ['PK\u0003\u0004 không phải PDF', 'NOT_PDF'],
    [' %PDF-1.4', 'NOT_PDF'],
    ['%pdf-1.4', 'NOT_PDF'],
    ['', 'NOT_PDF'],
  ])('%j → %s', (head, expected) => {
    expect(checkPdfHeader(enc(head))).toBe(expected);
  });
});

describe('precheckFile', () => {
  it('accepts a real PDF header and reads only five bytes', async () => {
    const file = new File([enc('%PDF-1.7\n%âãÏÓ\n1 0 obj')], 'a.pdf', { type: 'application/pdf' });
    const slice = vi.spyOn(file, 'slice');
    expect(await precheckFile(file)).toBeNull();
    expect(slice).toHaveBeenCalledWith(0, 5);
  });

  it('refuses a 0-byte file and a renamed zip with the Vietnamese messages', async () => {
    const empty = new File([], 'rong.pdf');
    const zip = new File([enc('PK\u0003\u0004 không phải PDF')], 'gia-mao.pdf');
    const e1 = await precheckFile(empty);
    const e2 = await precheckFile(zip);
    expect(e1).toBe('EMPTY_FILE');
    expect(e2).toBe('NOT_PDF');
    expect(ERROR_MESSAGES[e1!]).toMatch(/rỗng/);
    expect(ERROR_MESSAGES[e2!]).toMatch(/không phải.*PDF/);
  });

  it('refuses a 300 MB file from its size without reading any byte', async () => {
    const slice = vi.fn(() => ({ arrayBuffer: () => Promise.reject(new Error('must not read')) }));
    const huge: FileLike = { size: 300 * 1024 * 1024, slice };
    const code = await precheckFile(huge);
    expect(code).toBe('TOO_LARGE');
    expect(slice).not.toHaveBeenCalled();
    expect(ERROR_MESSAGES.TOO_LARGE).toBe('Tệp quá lớn: tối đa 100 MB.');
  });
});
