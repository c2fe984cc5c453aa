// OCR → registration form (issue 9; Art. 9.1): which value goes where, what the clerk must check, what is kept.
import { describe, expect, it } from 'vitest';
import { emptyForm } from '../../../../../src/renderer/features/registration/form-state';
import { fillFromExtraction, firstFieldToCheck, mergeFill } from '../../../../../src/renderer/features/registration/ocr-fill';
import { sampleExtraction } from './extraction-sample';

describe('fillFromExtraction', () => {
  it('maps every register field: date to dd/MM/yyyy, the type name to its id, the marks as they are', () => {
    const fill = fillFromExtraction(sampleExtraction());
    expect(fill.values).toEqual({
      typeId: 'quyet-dinh',
      codeNotation: '05/QĐ-UBND',
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      documentDate: '05/03/2026',
      abstract: 'Về việc kiện toàn Ban chỉ đạo cải cách hành chính',
      urgency: 'khan',
      confidentiality: 'thuong',
    });
    expect(fill.checks).toEqual({});
    expect(fill.filledCount).toBe(7);
    expect(fill.boxes.documentDate).toEqual({ page: 0, x: 0.55, y: 0.12, width: 0.35, height: 0.02 });
    expect(fill.boxes.typeId?.y).toBe(0.2);
    expect(fill.otherFacts).toEqual({ signerName: 'Lò Văn Hương', signerPosition: 'PHÓ CHỦ TỊCH', recipients: ['Như trên', 'Sở Tài chính'] });
  });

  it('flags a value read below the trusted confidence (0.8) as unsure, and keeps the value', () => {
    const fill = fillFromExtraction(sampleExtraction({ confidence: { date: 0.79, codeNotation: 0.5 } }));
    expect(fill.checks).toEqual({ codeNotation: 'unsure', documentDate: 'unsure' });
    expect(fill.values.documentDate).toBe('05/03/2026');
    expect(firstFieldToCheck(fill.checks)).toBe('codeNotation');
  });

  it('leaves a field that was not read empty and flags it as missing; a select keeps the default', () => {
    const fill = fillFromExtraction(
      sampleExtraction({ fields: { issuer: '', type: '', date: '' }, confidence: { issuer: 0, type: 0, date: 0, urgency: 0 } }),
    );
    expect(fill.values.issuer).toBe('');
    expect(fill.values.documentDate).toBe('');
    expect(fill.values.typeId).toBe('cong-van');
    expect(fill.checks).toEqual({ typeId: 'missing', issuer: 'missing', documentDate: 'missing', urgency: 'missing' });
    expect(fill.boxes.issuer).toBeUndefined();
    expect(fill.filledCount).toBe(3);
    expect(firstFieldToCheck(fill.checks)).toBe('typeId');
  });

  it('never turns a malformed date or an unknown type name into a value', () => {
    const fill = fillFromExtraction(sampleExtraction({ fields: { date: '2026-02-30', type: 'Giấy lạ' } }));
    expect(fill.values.documentDate).toBe('');
    expect(fill.values.typeId).toBe('cong-van');
    expect(fill.checks.documentDate).toBe('missing');
    expect(fill.checks.typeId).toBe('missing');
  });

  it('accepts Công văn and type names without diacritics', () => {
    expect(fillFromExtraction(sampleExtraction({ fields: { type: 'Công văn' } })).values.typeId).toBe('cong-van');
    expect(fillFromExtraction(sampleExtraction({ fields: { type: 'KE HOACH' } })).values.typeId).toBe('ke-hoach');
  });
});

describe('mergeFill', () => {
  it('keeps what the clerk typed while OCR ran and fills the rest', () => {
    const typed = { ...emptyForm(), issuer: 'Sở Nội vụ', note: 'bản gốc' };
    const { values, kept } = mergeFill(typed, fillFromExtraction(sampleExtraction()));
    expect(kept).toEqual(['issuer']);
    expect(values.issuer).toBe('Sở Nội vụ');
    expect(values.note).toBe('bản gốc');
    expect(values.codeNotation).toBe('05/QĐ-UBND');
    expect(values.typeId).toBe('quyet-dinh');
  });

  it('finds nothing to check when every field was read reliably', () => {
    expect(firstFieldToCheck(fillFromExtraction(sampleExtraction()).checks)).toBeNull();
  });
});
