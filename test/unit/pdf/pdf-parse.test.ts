// The verifier's own PDF reader: objects with offsets, xref tables and streams (PNG predictors, object
// streams), revisions, and the small text helpers of the Art. 11 flow.
import { describe, expect, it } from 'vitest';
import { PdfLexer, decodeTextString, isDict, isString, parseIndirectObject } from '../../../src/main/pdf/parse/pdf-lexer';
import { parseRevisions } from '../../../src/main/pdf/parse/pdf-revisions';
import { RevisionView } from '../../../src/main/pdf/parse/revision-view';
import { pdfDateToIso } from '../../../src/main/pdf/pdf-date';
import { issuingDateText, prepareNumberDateFields } from '../../../src/main/pdf/number-date-fields';
import { isoDateFromText } from '../../../src/main/signing/issue-flow';
import { makeDraftPdf } from '../../support/pki/sample-documents';

const enc = (s: string) => new TextEncoder().encode(s);

describe('PdfLexer', () => {
  it('parses dictionaries, names with #xx, strings with escapes, refs and hex with offsets', () => {
    const src = '<< /A#20B (x\\(y\\)\\101) /R 12 0 R /H <FEFF0056> /N [1 -2.5 /K null true] >>';
    const v = new PdfLexer(enc(src)).value();
    expect(isDict(v)).toBe(true);
    if (!isDict(v)) return;
    const a = v.map.get('A B');
    expect(isString(a) && Buffer.from(a.bytes).toString('latin1')).toBe('x(y)A');
    expect(v.map.get('R')).toEqual({ kind: 'ref', num: 12, gen: 0 });
    const h = v.map.get('H');
    expect(isString(h) && decodeTextString(h)).toBe('V');
    expect(isString(h) && src.slice(h.start, h.end)).toBe('<FEFF0056>');
  });
  it('rejects garbage instead of repairing it', () => {
    expect(() => new PdfLexer(enc('<< /A <zz> >>')).value()).toThrow();
    expect(() => parseIndirectObject(enc('1 0 xx << >> endobj'), 0, () => null)).toThrow();
  });
});

describe('revisions', () => {
  it('reads xref tables and xref streams with object streams alike', async () => {
    for (const objectStreams of [false, true]) {
      const pdf = parseRevisions(await makeDraftPdf({ objectStreams }));
      expect(pdf.problems).toEqual([]);
      expect(pdf.revisions.length).toBe(1);
      expect(pdf.revisions[0]?.kind).toBe(objectStreams ? 'stream' : 'table');
      const view = new RevisionView(pdf, pdf.revisions[0]!);
      expect(view.pages().length).toBe(1);
      if (objectStreams) expect([...pdf.revisions[0]!.xref.values()].some((e) => e.type === 'compressed')).toBe(true);
    }
  });

  it('uses the %%EOF markers a reader found only when they hold, and searches itself otherwise', async () => {
    const bytes = await makeDraftPdf();
    const at = Buffer.from(bytes).lastIndexOf('%%EOF');
    const own = parseRevisions(bytes);
    expect(parseRevisions(bytes, [at]).revisions.map((r) => r.end)).toEqual(own.revisions.map((r) => r.end));
    // A wrong offset, offsets out of order or past the end: the hint is dropped, not trusted.
    for (const wrong of [[at - 1], [at, at], [bytes.length + 10], [at + 0.5]]) {
      const pdf = parseRevisions(bytes, wrong);
      expect(pdf.problems).toEqual([]);
      expect(pdf.revisions.map((r) => r.end)).toEqual(own.revisions.map((r) => r.end));
    }
  });
});

describe('number and date fields', () => {
  it('are placed where the clerk dragged them, or refused on a page that does not exist', async () => {
    const draft = await makeDraftPdf({ plain: true });
    const prepared = await prepareNumberDateFields(draft, { number: { page: 0, x: 100, y: 700, width: 50, height: 16 }, date: { page: 0, x: 300, y: 700, width: 200, height: 16, prefix: 'Hà Nội, ' } });
    const text = Buffer.from(prepared).toString('latin1');
    expect(text).toMatch(/\/Rect \[ 100 700 150 716 \]/);
    expect(Buffer.from(prepared.subarray(0, draft.length)).equals(Buffer.from(draft))).toBe(true);
    await expect(prepareNumberDateFields(draft, { number: { page: 3, x: 0, y: 0, width: 1, height: 1 } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('dates', () => {
  it('formats the issuing date as NĐ 30 writes it and reads it back', () => {
    expect(issuingDateText('2026-02-05', 'Thử Nghiệm, ')).toBe('Thử Nghiệm, ngày 05 tháng 02 năm 2026');
    expect(issuingDateText('2026-11-20')).toBe('ngày 20 tháng 11 năm 2026');
    expect(isoDateFromText('Thử Nghiệm, ngày 05 tháng 02 năm 2026')).toBe('2026-02-05');
    expect(() => issuingDateText('2026-02-30')).toThrow();
    expect(pdfDateToIso("D:20260302090000+07'00'")).toBe('2026-03-02T09:00:00+07:00');
    expect(pdfDateToIso('D:2026')).toBe('2026-01-01T00:00:00Z');
    expect(pdfDateToIso(null)).toBeNull();
  });
});
