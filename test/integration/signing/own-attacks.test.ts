// USF, ISA and Evil-Annotation cases built from files we sign ourselves (no public samples exist;
// pdf-signing.md §8). Every manipulated file must be rejected; honest changes must not be.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSign } from 'node:crypto';
import { PDFName, rgb } from '@cantoo/pdf-lib';
import { signPdf, loadForUpdate, saveIncrement, type CmsSigner } from '../../../src/main/pdf/pades-sign';
import { fillNumberDate, prepareNumberDateFields } from '../../../src/main/pdf/number-date-fields';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { createTestPki, type TestPki } from '../../support/pki/test-pki';
import { makeDraftPdf } from '../../support/pki/sample-documents';

let pki: TestPki;
let signed: Uint8Array;
let signer: CmsSigner;

/** Replace `from` by `to` (same length) at the first occurrence after `start`. */
function patch(bytes: Uint8Array, from: string, to: string, start = 0): Uint8Array {
  expect(to.length).toBe(from.length);
  const out = new Uint8Array(bytes);
  const at = Buffer.from(out).indexOf(from, start, 'latin1');
  expect(at).toBeGreaterThanOrEqual(0);
  out.set(Buffer.from(to, 'latin1'), at);
  return out;
}

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  signer = { certDer: pki.personal.certDer, chainDers: [pki.intermediate.certDer], keyAlgorithm: 'RSA', sign: async (t) => new Uint8Array(createSign('sha256').update(t).sign(pki.personal.privateKey)) };
  const prepared = await prepareNumberDateFields(await makeDraftPdf());
  signed = await signPdf(prepared, { fieldName: 'KyDuyet', pageIndex: 0, rect: { x: 380, y: 100, width: 120, height: 60 }, appearance: {}, signingTime: new Date() }, signer);
});

async function verdictOf(bytes: Uint8Array): Promise<string> {
  return (await verifyPdf(bytes, { integrityOnly: true })).verdict;
}

describe('our own signed file, manipulated', () => {
  it('is valid untouched', async () => {
    expect(await verdictOf(signed)).toBe('valid');
  });

  it('USF: empty CMS, missing or null /Contents and /ByteRange, [0 0 0 0] are all INVALID', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const br = /\/ByteRange \[0 \d+ \d+ \d+ *\]/.exec(text)?.[0] ?? '';
    const hex = /\/Contents <([0-9A-F]+)>/.exec(text)?.[1] ?? '';
    const variants: Record<string, Uint8Array> = {
      'empty CMS': patch(signed, hex, '0'.repeat(hex.length)),
      'no /ByteRange': patch(signed, '/ByteRange', '/ByteRangX'),
      'no /Contents': patch(signed, '/Contents <', '/Contentx <'),
      'null /ByteRange': patch(signed, br, `/ByteRange null${' '.repeat(br.length - 15)}`),
      '[0 0 0 0]': patch(signed, br, `/ByteRange [0 0 0 0]${' '.repeat(br.length - 20)}`),
      'truncated CMS': patch(signed, hex.slice(0, 40), '0'.repeat(40)),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const r = await verifyPdf(bytes, { integrityOnly: true });
      expect(r.verdict, name).toBe('invalid');
    }
  });

  it('ISA: drawing text on the page after signing is a modification', async () => {
    const doc = await loadForUpdate(signed);
    doc.getPage(0).drawText('SỬA ĐỔI TRÁI PHÉP', { x: 100, y: 400, size: 20, color: rgb(1, 0, 0) });
    const r = await verifyPdf(await saveIncrement(doc, signed), { integrityOnly: true });
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toContain('thay đổi sau khi ký');
  });

  it('EAA: a FreeText annotation added after an approval signature is a modification', async () => {
    const doc = await loadForUpdate(signed);
    const page = doc.getPage(0);
    const annot = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [100, 500, 400, 540], Contents: 'Số tiền: 999.999.999', DA: '/Helv 12 Tf 0 g' }));
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots && 'push' in annots) (annots as { push(r: unknown): void }).push(annot);
    else page.node.set(PDFName.of('Annots'), doc.context.obj([annot]));
    const r = await verifyPdf(await saveIncrement(doc, signed), { integrityOnly: true });
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toContain('FreeText');
  });

  it('EAA on certified documents: allowed with a note under DocMDP P=3, rejected under P=2', async () => {
    for (const [p, expected] of [[3, 'valid-with-allowed-changes'], [2, 'invalid']] as const) {
      const certified = await signPdf(await makeDraftPdf(), { fieldName: 'ChungThuc', pageIndex: 0, rect: null, appearance: {}, signingTime: new Date(), certify: p }, signer);
      expect((await verifyPdf(certified, { integrityOnly: true })).signatures[0]?.certification).toBe(p);
      const doc = await loadForUpdate(certified);
      const page = doc.getPage(0);
      const annot = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [100, 500, 400, 540], Contents: 'x' }));
      const annots = page.node.lookup(PDFName.of('Annots'));
      if (annots && 'push' in annots) (annots as { push(r: unknown): void }).push(annot);
      else page.node.set(PDFName.of('Annots'), doc.context.obj([annot]));
      const r = await verifyPdf(await saveIncrement(doc, certified), { integrityOnly: true });
      expect(r.verdict, `P=${p}: ${r.reasons.join(' | ')}`).toBe(expected);
      if (p === 3) expect(r.signatures[0]?.allowedChanges.join(' ')).toContain('FreeText');
    }
  });

  it('honest form fill of the unlocked number/date fields is an allowed change, shown with its values', async () => {
    const r = await verifyPdf(await fillNumberDate(signed, '21', '2026-03-05'), { integrityOnly: true });
    expect(r.verdict).toBe('valid-with-allowed-changes');
    expect(r.signatures[0]?.allowedChanges.join(' ')).toContain('"" → "21"');
  });
});
