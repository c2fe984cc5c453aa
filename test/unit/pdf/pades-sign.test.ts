// PAdES signing with a software key from the test PKI (the token path is in test/integration/signing).
import { beforeAll, describe, expect, it } from 'vitest';
import { createSign, sign as cryptoSign } from 'node:crypto';
import { signPdf, pdfDateVN, type CmsSigner } from '../../../src/main/pdf/pades-sign';
import { createTestPki, type TestIdentity, type TestPki } from '../../support/pki/test-pki';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { ecdsaRawToDer } from '../../../src/main/signing/token/signature-format';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
});

function softSigner(id: TestIdentity, chain: TestIdentity[]): CmsSigner {
  const ec = id.privateKey.asymmetricKeyType === 'ec';
  return {
    certDer: id.certDer,
    chainDers: chain.map((c) => c.certDer),
    keyAlgorithm: ec ? 'EC' : 'RSA',
    sign: async (tbs) => (ec ? new Uint8Array(cryptoSign('sha256', tbs, id.privateKey)) : new Uint8Array(createSign('sha256').update(tbs).sign(id.privateKey))),
  };
}

describe('signPdf', () => {
  it('appends one increment: the original bytes stay an exact prefix, ByteRange covers all but /Contents', async () => {
    const draft = await makeDraftPdf();
    const signed = await signPdf(
      draft,
      { fieldName: 'KyDuyet', pageIndex: 0, rect: { x: 380, y: 100, width: 120, height: 55 }, appearance: { lines: ['Nguyễn Văn An'] }, signingTime: new Date('2026-03-02T02:00:00Z'), name: 'Nguyễn Văn An' },
      softSigner(pki.personal, [pki.intermediate]),
    );
    expect(Buffer.from(signed.subarray(0, draft.length)).equals(Buffer.from(draft))).toBe(true);
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/ByteRange\s*\[0 (\d+) (\d+) (\d+)\s*\]/.exec(text);
    expect(m).not.toBeNull();
    const [a, b, c] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
    expect(b + c).toBe(signed.length);
    expect(text[a]).toBe('<');
    expect(text[b - 1]).toBe('>');
    expect(/^[0-9A-F]+$/.test(text.slice(a + 1, b - 1))).toBe(true);
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(text).toContain("/M (D:20260302090000+07'00')");
  });

  it('signs with an EC key too, and refuses a page that does not exist without touching anything', async () => {
    const draft = await makeDraftPdf({ objectStreams: true });
    const signed = await signPdf(draft, { fieldName: 'KySoCoQuan', pageIndex: 0, rect: null, appearance: {}, signingTime: new Date() }, softSigner(pki.organization, [pki.intermediate]));
    expect(signed.length).toBeGreaterThan(draft.length);
    await expect(signPdf(draft, { fieldName: 'X', pageIndex: 5, rect: null, appearance: {}, signingTime: new Date() }, softSigner(pki.personal, []))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('formats /M in Vietnam time', () => {
    expect(pdfDateVN(new Date('2026-12-31T20:15:07Z'))).toBe("D:20270101031507+07'00'");
    expect(ecdsaRawToDer(new Uint8Array([0x80, 1, 0, 2]))).toEqual(new Uint8Array([0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x02]));
  });
});
