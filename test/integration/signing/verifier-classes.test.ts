// Issue 6, classes 1–3: forged documents built here, each of which the verifier before issue 6 called "valid"
// (`--integrity-only`, "tài liệu không bị thay đổi sau khi ký"). The attacker prepares the file so that one object
// plays two roles, the victim signs, then the attacker appends an update that only touches the "harmless" role.
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, StandardFonts, rgb, type PDFRef } from '@cantoo/pdf-lib';
import { loadForUpdate, saveIncrement, signPdf, type CmsSigner } from '../../../src/main/pdf/pades-sign';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { createTestPki, type TestPki } from '../../support/pki/test-pki';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { appendUpdate } from '../../support/pdf/raw-update';

let pki: TestPki;
let signer: CmsSigner;

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  signer = softSigner(pki.personal, [pki.intermediate.certDer]);
});

const sign = (bytes: Uint8Array, field = 'KyDuyet', rect: { x: number; y: number; width: number; height: number } | null = { x: 380, y: 100, width: 120, height: 60 }) =>
  signPdf(bytes, { fieldName: field, pageIndex: 0, rect, appearance: {}, signingTime: new Date() }, signer);

/** A one-page contract line in Helvetica: "So tien thanh toan: 1000000 dong". */
async function amountDraft(prepare: (doc: PDFDocument, fontRef: PDFRef, page: ReturnType<PDFDocument['addPage']>) => void): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('So tien thanh toan: 1000000 dong', { x: 80, y: 700, size: 14, font, color: rgb(0, 0, 0) });
  prepare(doc, font.ref, page);
  return doc.save({ useObjectStreams: false });
}

async function integrity(bytes: Uint8Array) {
  return verifyPdf(bytes, { integrityOnly: true });
}

describe('class 1: an object the signed page draws, changed through another role', () => {
  it('the page font is also in AcroForm /DR: its /Encoding redefined ("1000000" prints "9000000") is a modification', async () => {
    const signed = await sign(await amountDraft((doc, fontRef) => {
      const dr = doc.context.obj({ Font: doc.context.obj({ Helv: fontRef }) });
      doc.catalog.set(PDFName.of('AcroForm'), doc.context.obj({ Fields: doc.context.obj([]), DR: dr }));
    }));
    expect((await integrity(signed)).verdict).toBe('valid');
    const doc = await loadForUpdate(signed);
    const fontRef = ((doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('DR'), PDFDict)).lookup(PDFName.of('Font'), PDFDict)).get(PDFName.of('Helv')) as PDFRef;
    const font = doc.context.lookup(fontRef, PDFDict);
    font.set(PDFName.of('Encoding'), doc.context.obj({ Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: [49, 'nine'] }));
    const r = await integrity(await saveIncrement(doc, signed));
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/mà trang đã ký sử dụng bị thay đổi sau khi ký \(đối tượng này đồng thời là \/AcroForm \/DR\)/);
  });

  it('the page /Contents stream is also the catalog /Metadata: replacing it is a modification', async () => {
    let contentsNum = 0;
    const signed = await sign(await amountDraft((doc, _f, page) => {
      const contents = page.node.get(PDFName.of('Contents'));
      const ref = (contents instanceof PDFArray ? contents.get(0) : contents) as PDFRef;
      contentsNum = ref.objectNumber;
      doc.catalog.set(PDFName.of('Metadata'), ref);
    }));
    expect((await integrity(signed)).verdict).toBe('valid');
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const fontName = [...(doc.getPage(0).node.Resources()?.lookup(PDFName.of('Font'), PDFDict).keys() ?? [])][0]?.asString() ?? '/F1';
    const forged = `BT ${fontName} 14 Tf 80 700 Td (So tien thanh toan: 9000000 dong) Tj ET`;
    const r = await integrity(appendUpdate(signed, { [contentsNum]: `<< /Type /Metadata /Subtype /XML /Length ${forged.length} >>\nstream\n${forged}\nendstream` }));
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/đồng thời là \/Metadata/);
  });

  it('the trailer /Info is the page /Resources: rewriting "Info" remaps the font and is a modification', async () => {
    const signed = await sign(await amountDraft((doc, _f, page) => {
      const resources = page.node.get(PDFName.of('Resources'));
      const ref = resources instanceof PDFDict ? doc.context.register(resources) : (resources as PDFRef);
      page.node.set(PDFName.of('Resources'), ref);
      doc.context.trailerInfo.Info = ref;
    }));
    expect((await integrity(signed)).verdict).toBe('valid');
    const doc = await loadForUpdate(signed);
    const infoRef = doc.context.trailerInfo.Info as PDFRef;
    const info = doc.context.lookup(infoRef, PDFDict);
    const courier = await doc.embedFont(StandardFonts.Courier);
    const fonts = info.lookup(PDFName.of('Font'), PDFDict);
    for (const k of fonts.keys()) fonts.set(k, courier.ref);
    info.set(PDFName.of('Producer'), PDFHexString.fromText('trình soạn thảo'));
    doc.context.assign(infoRef, info);
    const r = await integrity(await saveIncrement(doc, signed));
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/đồng thời là \/Info/);
  });
});

describe('class 2: a fake signature widget that only a page lists', () => {
  it('a /Sig widget in /Annots (not in /Fields) whose /V has /ByteRange and /Contents but no signature makes the document invalid', async () => {
    const signed = await sign(await makeDraftPdf());
    const doc = await loadForUpdate(signed);
    const page = doc.getPage(0);
    const ap = doc.context.register(doc.context.stream('q 1 1 1 rg 0 0 595 842 re f Q BT /Helv 40 Tf 100 400 Td (DA PHE DUYET 9000000) Tj ET', {
      Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842],
    }));
    const fakeValue = doc.context.register(doc.context.obj({ ByteRange: [0, 10, 20, 30], Contents: PDFHexString.of('3082000a') }));
    const widget = doc.context.register(doc.context.obj({
      Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFHexString.fromText('Phê duyệt'), Rect: [0, 0, 595, 842], F: 4, P: page.ref, V: fakeValue, AP: { N: ap },
    }));
    const annots = page.node.lookup(PDFName.of('Annots'), PDFArray);
    annots.push(widget);
    const r = await integrity(await saveIncrement(doc, signed));
    expect(r.verdict).toBe('invalid');
    const fake = r.signatures.find((s) => s.field === 'Phê duyệt');
    expect(fake?.verdict).toBe('invalid');
    expect(fake?.reasons.join(' ')).toMatch(/không thuộc danh sách trường của biểu mẫu/);
  });

  it('a second widget that borrows the genuine signature value of the first is refused', async () => {
    const signed = await sign(await makeDraftPdf());
    const doc = await loadForUpdate(signed);
    const page = doc.getPage(0);
    const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    const genuine = doc.getForm().getFields().find((f) => f.getName() === 'KyDuyet');
    const value = genuine?.acroField.dict.get(PDFName.of('V')) as PDFRef;
    const widget = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFHexString.fromText('Bản sao'), Rect: [80, 300, 300, 400], F: 4, P: page.ref, V: value }));
    page.node.lookup(PDFName.of('Annots'), PDFArray).push(widget);
    fields.push(widget);
    const r = await integrity(await saveIncrement(doc, signed));
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/được dùng cho nhiều trường chữ ký/);
  });
});

describe('class 3: a later, genuinely valid signature whose appearance hides signed content', () => {
  it('a full-page second signature is invalid and the verdict says what it hides', async () => {
    const first = await sign(await makeDraftPdf());
    const cover = await sign(first, 'PheDuyet', { x: 0, y: 0, width: 595, height: 841 });
    const r = await integrity(cover);
    expect(r.verdict).toBe('invalid');
    const firstSig = r.signatures.find((s) => s.field === 'KyDuyet');
    expect(firstSig?.verdict).toBe('invalid');
    const text = firstSig?.reasons.join(' ') ?? '';
    expect(text).toMatch(/chiếm \d+% diện tích trang/);
    expect(text).toMatch(/che khuất chữ của bản đã ký: ".*ỦY BAN NHÂN DÂN/);
    // The covering signature itself verifies: the forgery is in what it hides, not in its CMS.
    expect(r.signatures.find((s) => s.field === 'PheDuyet')?.verdict).not.toBe('invalid');
  });

  it('a small second signature placed over the body text is invalid; the same one in blank space is not', async () => {
    const first = await sign(await makeDraftPdf());
    const overText = await integrity(await sign(first, 'PheDuyet', { x: 90, y: 500, width: 110, height: 50 }));
    expect(overText.verdict).toBe('invalid');
    expect(overText.reasons.join(' ')).toMatch(/che khuất chữ của bản đã ký: ".*Nội dung thử/);
    const blank = await integrity(await sign(first, 'PheDuyet', { x: 90, y: 60, width: 110, height: 50 }));
    expect(blank.verdict, blank.reasons.join(' | ')).toBe('valid');
  });

  it('an invisible later signature is fine (nothing is drawn)', async () => {
    const first = await sign(await makeDraftPdf());
    const r = await integrity(await sign(first, 'VoHinh', null));
    expect(r.verdict, r.reasons.join(' | ')).toBe('valid');
  });
});

describe('item 9: an appearance stream rewritten in place', () => {
  it('is listed among the allowed changes of an unlocked field', async () => {
    const base = await PDFDocument.create();
    const page = base.addPage([595.28, 841.89]);
    const form = base.getForm();
    const tf = form.createTextField('GhiChu');
    tf.addToPage(page, { x: 80, y: 300, width: 200, height: 20 });
    const signed = await sign(await base.save({ useObjectStreams: false }));
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const widget = doc.getForm().getTextField('GhiChu').acroField.getWidgets()[0];
    const apRef = widget?.dict.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N')) as PDFRef;
    const drawn = '/Tx BMC 0.9 g 0 0 200 20 re f EMC';
    const r = await integrity(appendUpdate(signed, {
      [apRef.objectNumber]: `<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << >> /Length ${drawn.length} >>\nstream\n${drawn}\nendstream`,
    }));
    expect(r.verdict, r.reasons.join(' | ')).toBe('valid-with-allowed-changes');
    expect(r.signatures[0]?.allowedChanges.join(' ')).toMatch(/cập nhật hình hiển thị của trường "GhiChu"/);
  });
});

describe('class 2: a genuine signature value moved to another field', () => {
  it('a new field in blank space whose /V is the first signature (taken from its own field) is refused', async () => {
    const signed = await sign(await makeDraftPdf());
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const genuine = doc.getForm().getFields().find((f) => f.getName() === 'KyDuyet');
    const value = genuine?.acroField.dict.get(PDFName.of('V')) as PDFRef;
    const fieldNum = genuine?.acroField.ref.objectNumber as number;
    const page = doc.getPage(0);
    const size = doc.context.largestObjectNumber + 1;
    const text = Buffer.from(signed).toString('latin1');
    const fieldBody = new RegExp(`\\n${fieldNum} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text.slice(text.lastIndexOf(`\n${fieldNum} 0 obj`)))?.[1] ?? '';
    const annots = (page.node.get(PDFName.of('Annots')) as PDFArray).asArray().map((r) => r.toString()).join(' ');
    const pageBody = new RegExp(`\\n${page.ref.objectNumber} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*endobj`).exec(text.slice(text.lastIndexOf(`\n${page.ref.objectNumber} 0 obj`)))?.[1] ?? '';
    const forged = appendUpdate(signed, {
      // The genuine field loses its value; a new field at the bottom of the page gets it.
      [fieldNum]: fieldBody.replace(/\/V \d+ 0 R/, ''),
      [size]: `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Moved) /Rect [90 60 200 110] /F 4 /P ${page.ref.toString()} /V ${value.toString()} >>`,
      [page.ref.objectNumber]: pageBody.includes('/Annots [') ? pageBody.replace(/\/Annots \[[^\]]*\]/, `/Annots [${annots} ${size} 0 R]`) : pageBody.replace(/>>$/, `/Annots [${annots} ${size} 0 R] >>`),
    });
    const r = await integrity(forged);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/chữ ký bị chuyển sang trường khác sau khi ký/);
  });
});

describe('trailer changes', () => {
  it('an /Encrypt added to the trailer after signing is a modification', async () => {
    const signed = await sign(await makeDraftPdf());
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const n = doc.context.largestObjectNumber + 1;
    const forged = appendUpdate(signed, { [n]: '<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>' }, `/Encrypt ${n} 0 R`);
    const r = await integrity(forged);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons.join(' ')).toMatch(/\/Encrypt trong trailer/);
  });
});
