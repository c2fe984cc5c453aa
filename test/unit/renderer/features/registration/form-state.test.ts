// The registration form's conversion from typed text (dd/MM/yyyy) to the domain value (Art. 9.1).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkForm, emptyForm, type FormValues } from '../../../../../src/renderer/features/registration/form-state';

const TODAY = '2026-11-24';
const filled = (patch: Partial<FormValues> = {}): FormValues => ({
  ...emptyForm(),
  typeId: 'cong-van',
  codeNotation: '125/UBND-VP',
  issuer: 'Ủy ban nhân dân huyện Tam Đường',
  documentDate: '20/11/2026',
  abstract: 'V/v triển khai kế hoạch chuyển đổi số năm 2027',
  ...patch,
});

describe('checkForm', () => {
  it('turns dd/MM/yyyy into yyyy-MM-dd and leaves blank optional fields out', () => {
    const r = checkForm(filled({ dueDate: '30/11/2026' }), TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.documentDate).toBe('2026-11-20');
    expect(r.value.dueDate).toBe('2026-11-30');
    expect(r.value.recipient).toBeUndefined();
    expect(r.value.urgency).toBe('thuong');
  });

  it.each<[Partial<FormValues>, string, string]>([
    [{ abstract: '' }, 'abstract', 'required'],
    [{ abstract: '   ' }, 'abstract', 'required'],
    [{ issuer: '' }, 'issuer', 'required'],
    [{ codeNotation: '' }, 'codeNotation', 'required'],
    [{ codeNotation: '12 QĐ UBND' }, 'codeNotation', 'bad-code-notation'],
    [{ documentDate: '' }, 'documentDate', 'required'],
    [{ documentDate: '31/02/2026' }, 'documentDate', 'bad-date'],
    [{ documentDate: '2026-11-20' }, 'documentDate', 'bad-date'],
    [{ documentDate: '25/11/2026' }, 'documentDate', 'date-in-future'],
    [{ dueDate: '19/11/2026' }, 'dueDate', 'due-before-document'],
    [{ dueDate: 'mai' }, 'dueDate', 'bad-date'],
    [{ abstract: 'x'.repeat(501) }, 'abstract', 'too-long'],
  ])('%j → %s: %s', (patch, field, code) => {
    const r = checkForm(filled(patch), TODAY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[field as keyof typeof r.issues]).toBe(code);
  });
});
