/**
 * The extractor's NĐ 30 layout rules (Phụ lục I boxes; standards.md §4) and its cross-checks, on pages built by
 * hand: values, and — for doubtful readings — a confidence below TRUSTED_CONFIDENCE instead of a confident guess.
 */
import { describe, expect, it } from 'vitest';
import { TRUSTED_CONFIDENCE } from '../../../../../src/shared/api/ocr-schemas';
import { extractFields } from '../../../../../src/main/scan/extract/extract-fields';
import { centred, nd30Page, words } from './synthetic-page';

const now = new Date('2026-12-01T00:00:00Z');

describe('extractFields', () => {
  it('reads every box of a Quyết định of UBND tỉnh Lai Châu and matches its identifier code', () => {
    const r = extractFields([nd30Page({ marks: ['MẬT', 'HỎA TỐC'] })], { now });
    expect(r.fields).toEqual({
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      codeNotation: '05/QĐ-UBND',
      place: 'Lai Châu',
      date: '2026-03-05',
      type: 'Quyết định',
      abstract: 'Về việc kiện toàn Ban chỉ đạo cải cách hành chính',
      urgency: 'hoa-toc',
      confidentiality: 'mat',
      signerName: 'Lò Văn Hương',
      signerPosition: 'PHÓ CHỦ TỊCH',
      recipients: ['Như trên', 'Sở Tài chính'],
    });
    expect(r.details).toMatchObject({ issuerCode: '000.00.00.H35', signerCompetence: ['KT. CHỦ TỊCH'] });
    for (const c of Object.values(r.confidence)) expect(c).toBeGreaterThanOrEqual(TRUSTED_CONFIDENCE);
    expect(r.boxes.codeNotation).toMatchObject({ page: 0 });
    expect(r.boxes.codeNotation?.x).toBeGreaterThan(0.2);
    expect(r.boxes.codeNotation?.x).toBeLessThan(0.35);
  });

  it('reads a Công văn: no title, the V/v abstract under the number, a parent agency line', () => {
    const r = extractFields([nd30Page({ header: ['UBND TỈNH LAI CHÂU', 'SỞ TÀI CHÍNH'], number: centred('Số: 127/STC-VP', 0.3, 0.125), title: null, extra: [centred('V/v đôn đốc giải ngân vốn', 0.3, 0.145), centred('đầu tư công', 0.3, 0.162)] })], { now });
    expect(r.fields).toMatchObject({ issuer: 'SỞ TÀI CHÍNH', type: 'Công văn', abstract: 'đôn đốc giải ngân vốn đầu tư công', codeNotation: '127/STC-VP' });
    expect(r.details.parentAgency).toBe('UBND TỈNH LAI CHÂU');
    expect(r.confidence.codeNotation).toBeGreaterThanOrEqual(TRUSTED_CONFIDENCE);
  });

  it('doubts a notation that does not carry the title’s abbreviation (Phụ lục III)', () => {
    const r = extractFields([nd30Page({ number: centred('Số: 05/KH-UBND', 0.3, 0.125) })], { now });
    expect(r.fields.codeNotation).toBe('05/KH-UBND');
    expect(r.confidence.codeNotation).toBeLessThan(TRUSTED_CONFIDENCE);
  });

  it('leaves a date that is not a real date empty, and doubts a day without its leading zero', () => {
    expect(extractFields([nd30Page({ date: 'Lai Châu, ngày 31 tháng 02 năm 2026' })], { now }).fields.date).toBe('');
    const r = extractFields([nd30Page({ date: 'Lai Châu, ngày 5 tháng 3 năm 2026' })], { now });
    expect(r.fields.date).toBe('2026-03-05');
    expect(r.confidence.date).toBeLessThan(TRUSTED_CONFIDENCE);
  });

  it('doubts a number written by hand into the "Số:  /" gap (a separate, larger word)', () => {
    const number = [...words('Số:', 0.22, 0.125), ...words('12', 0.27, 0.12, 0.93, 1.5), ...words('/QĐ-UBND', 0.32, 0.125)];
    const r = extractFields([nd30Page({ number })], { now });
    expect(r.fields.codeNotation).toBe('12/QĐ-UBND');
    expect(r.confidence.codeNotation).toBeLessThan(TRUSTED_CONFIDENCE);
  });

  it('doubts words OCR was unsure of, and a place that is not the agency’s province', () => {
    const unsure = extractFields([nd30Page({ conf: 0.6 })], { now });
    // Only two fields stay trusted, each vouched for by a second source: the issuer's text equals a directory entry
    // (standards.md §3.3), and the title's type is the one the notation's abbreviation names (Phụ lục III).
    const { issuer, type, ...rest } = unsure.confidence;
    expect([issuer, type].every((c) => c >= TRUSTED_CONFIDENCE)).toBe(true);
    for (const c of Object.values(rest)) expect(c).toBeLessThan(TRUSTED_CONFIDENCE);
    const elsewhere = extractFields([nd30Page({ date: 'Sơn La, ngày 05 tháng 3 năm 2026' })], { now });
    expect(elsewhere.fields.place).toBe('Sơn La');
    expect(elsewhere.confidence.place).toBeLessThan(TRUSTED_CONFIDENCE);
  });

  it('ignores the lines of a ĐẾN stamp and doubts the fields it covers', () => {
    // A stamp at the top left whose "Số: 345" would otherwise be taken for the document's number.
    const stamp = [centred('ĐẾN', 0.25, 0.1), words('Số: 345', 0.2, 0.115), words('Ngày: 8/3/2026', 0.2, 0.13)];
    const header = ['BỘ NỘI VỤ'];
    const number = centred('Số: 05/QĐ-BNV', 0.3, 0.16);
    const r = extractFields([nd30Page({ header, number, date: 'Hà Nội, ngày 05 tháng 3 năm 2026', extra: stamp })], { now });
    expect(r.fields.codeNotation).toBe('05/QĐ-BNV');
    expect(r.text).toContain('ĐẾN');
    expect(r.confidence.codeNotation).toBeLessThan(TRUSTED_CONFIDENCE);
    expect(r.details.warnings.join()).toMatch(/ĐẾN/u);
  });

  it('skips a blank first page and reports boxes with the real page index', () => {
    const blank = { index: 0, source: 'blank' as const, words: [], dpi: 200, widthPt: 595.28, heightPt: 841.89 };
    const r = extractFields([blank, { ...nd30Page(), index: 1 }], { now });
    expect(r.fields.codeNotation).toBe('05/QĐ-UBND');
    expect(r.boxes.codeNotation?.page).toBe(1);
    expect(r.pages.map((p) => p.source)).toEqual(['blank', 'ocr']);
  });
});

describe('extractFields: OCR slips in the notation', () => {
  it('puts back a "/" OCR dropped between number and notation, without trusting it', () => {
    const r = extractFields([nd30Page({ number: centred('Số: 05QĐ-UBND', 0.3, 0.125) })], { now });
    expect(r.fields.codeNotation).toBe('05/QĐ-UBND');
    expect(r.confidence.codeNotation).toBeLessThan(TRUSTED_CONFIDENCE);
  });

  it('does not trust a number read with a letter in it ("1O/QĐ-UBND")', () => {
    const r = extractFields([nd30Page({ number: centred('Số: 1O/QĐ-UBND', 0.3, 0.125) })], { now });
    expect(r.fields.codeNotation).toBe('10/QĐ-UBND');
    expect(r.confidence.codeNotation).toBeLessThan(TRUSTED_CONFIDENCE);
  });
});
