import { describe, expect, it } from 'vitest';
import { IncomingDocumentForm, validateIncomingForm } from '../../../src/shared/domain/incoming-document';

const TODAY = '2026-03-10';
const valid = {
  typeId: 'cong-van',
  codeNotation: '5/BNV-VP',
  issuer: '  Bộ   Nội vụ ',
  documentDate: '2026-03-09',
  abstract: 'V/v hướng dẫn lưu trữ hồ sơ điện tử',
  urgency: 'khan',
  confidentiality: 'thuong',
};

describe('validateIncomingForm (Quy chế Art. 9.1; NĐ 30 Phụ lục IV, VI)', () => {
  it('accepts a valid form and cleans it', () => {
    const result = validateIncomingForm(valid, { today: TODAY });
    expect(result).toEqual({
      ok: true,
      value: {
        typeId: 'cong-van',
        codeNotation: '05/BNV-VP',
        issuer: 'Bộ Nội vụ',
        documentDate: '2026-03-09',
        abstract: 'V/v hướng dẫn lưu trữ hồ sơ điện tử',
        urgency: 'khan',
        confidentiality: 'thuong',
      },
    });
  });

  it('fills the defaults and the optional fields', () => {
    const result = validateIncomingForm(
      {
        ...valid,
        urgency: undefined,
        confidentiality: '',
        dueDate: '2026-03-20',
        recipient: 'Phòng Tổng hợp',
        note: ' ',
        pageCount: '12',
      },
      { today: TODAY },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ urgency: 'thuong', confidentiality: 'thuong', dueDate: '2026-03-20', recipient: 'Phòng Tổng hợp', pageCount: 12 });
    expect(result.value.note).toBeUndefined();
  });

  it('accepts a document dated today and a due date equal to the document date', () => {
    expect(validateIncomingForm({ ...valid, documentDate: TODAY, dueDate: TODAY }, { today: TODAY }).ok).toBe(true);
  });

  it.each([
    ['typeId', { typeId: undefined }, 'required'],
    ['typeId', { typeId: 'luat' }, 'invalid'],
    ['codeNotation', { codeNotation: undefined }, 'required'],
    ['codeNotation', { codeNotation: '   ' }, 'required'],
    ['codeNotation', { codeNotation: '12 / QĐ-UBND' }, 'bad-code-notation'],
    ['codeNotation', { codeNotation: 'QĐ-UBND' }, 'bad-code-notation'],
    ['codeNotation', { codeNotation: '1a/QĐ-UBND' }, 'bad-code-notation'],
    ['codeNotation', { codeNotation: 12 }, 'invalid'],
    ['issuer', { issuer: '' }, 'required'],
    ['issuer', { issuer: null }, 'required'],
    ['issuer', { issuer: 'x'.repeat(201) }, 'too-long'],
    ['documentDate', { documentDate: undefined }, 'required'],
    ['documentDate', { documentDate: '09/03/2026' }, 'bad-date'],
    ['documentDate', { documentDate: '2026-02-30' }, 'bad-date'],
    ['documentDate', { documentDate: '2026-03-11' }, 'date-in-future'],
    ['abstract', { abstract: '  ' }, 'required'],
    ['abstract', { abstract: 'x'.repeat(501) }, 'too-long'],
    ['urgency', { urgency: 'gap' }, 'invalid'],
    ['confidentiality', { confidentiality: 'bi-mat' }, 'invalid'],
    ['dueDate', { dueDate: '2026-03-08' }, 'due-before-document'],
    ['dueDate', { dueDate: '2026/03/20' }, 'bad-date'],
    ['recipient', { recipient: 'x'.repeat(201) }, 'too-long'],
    ['note', { note: 'x'.repeat(501) }, 'too-long'],
    ['pageCount', { pageCount: 0 }, 'invalid'],
    ['pageCount', { pageCount: 10000 }, 'invalid'],
    ['pageCount', { pageCount: 2.5 }, 'invalid'],
    ['pageCount', { pageCount: 'mười' }, 'invalid'],
  ])('%s %j → %s', (field, patch, code) => {
    const result = validateIncomingForm({ ...valid, ...patch }, { today: TODAY });
    expect(result).toEqual({ ok: false, issues: [{ field, code }] });
  });

  it('accepts limits exactly', () => {
    const result = validateIncomingForm(
      { ...valid, issuer: 'x'.repeat(200), abstract: 'y'.repeat(500), recipient: 'z'.repeat(200), note: 'n'.repeat(500), pageCount: 9999 },
      { today: TODAY },
    );
    expect(result.ok).toBe(true);
  });

  it('reports every bad field once', () => {
    const result = validateIncomingForm({}, { today: TODAY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { field: 'typeId', code: 'required' },
      { field: 'codeNotation', code: 'required' },
      { field: 'issuer', code: 'required' },
      { field: 'documentDate', code: 'required' },
      { field: 'abstract', code: 'required' },
    ]);
  });

  it.each([[null], ['form'], [42], [[]]])('rejects the non-object %j', (input) => {
    const result = validateIncomingForm(input, { today: TODAY });
    expect(result).toEqual({ ok: false, issues: [{ field: 'form', code: 'invalid' }] });
  });

  it('refuses a malformed today', () => {
    expect(() => validateIncomingForm(valid, { today: '10/03/2026' })).toThrow(RangeError);
  });

  it('exposes the zod schema for the static checks', () => {
    expect(IncomingDocumentForm.safeParse({ ...valid, documentDate: '2099-01-01' }).success).toBe(true);
    expect(IncomingDocumentForm.safeParse({ ...valid, codeNotation: 'x' }).success).toBe(false);
  });
});
