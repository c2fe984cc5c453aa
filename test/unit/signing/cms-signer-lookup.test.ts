/**
 * checkCms finds the signer's certificate among the carried ones by the SignerInfo's sid (RFC 5652 §5.3) without
 * parsing every certificate: by encoded issuer and serial first, then by compared names, and by subject key
 * identifier. Each path is built here from a real CMS whose sid or certificate order is then changed; the sid is
 * not signed, so the signature stays valid and only the lookup decides.
 */
import { createHash, createSign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCades } from '../../../src/main/signing/cms/cades-builder';
import { checkCms } from '../../../src/main/signing/verify/cms-check';
import { createTestPki, type TestPki } from '../../support/pki/test-pki';

let pki: TestPki;
const content = new TextEncoder().encode('%PDF-1.7 nội dung đã ký %%EOF');
const byteRange = [0, content.length, content.length, 0];

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
});

async function signedCms(): Promise<Uint8Array> {
  return buildCades({
    digest: new Uint8Array(createHash('sha256').update(content).digest()),
    signerCertDer: pki.personal.certDer,
    chainDers: [pki.intermediate.certDer],
    keyAlgorithm: 'RSA',
    sign: async (tbs) => new Uint8Array(createSign('sha256').update(tbs).sign(pki.personal.privateKey)),
  });
}

/** Re-encode `cms` after `change` edits its SignedData. */
function edit(cms: Uint8Array, change: (sd: pkijs.SignedData) => void): Uint8Array {
  const ci = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms).result });
  const sd = new pkijs.SignedData({ schema: ci.content });
  change(sd);
  return new Uint8Array(new pkijs.ContentInfo({ contentType: ci.contentType, content: sd.toSchema(true) }).toSchema().toBER(false));
}

const signerSerial = (der: Uint8Array | null): string => (der ? pkijs.Certificate.fromBER(der).serialNumber.valueBlock.toString() : '');

describe('checkCms signer lookup', () => {
  it('finds the signer by encoded issuer and serial, whatever the order of the carried certificates', async () => {
    const reordered = edit(await signedCms(), (sd) => sd.certificates?.reverse());
    const r = checkCms(reordered, content, byteRange, true);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(signerSerial(r.signerCertDer)).toBe(signerSerial(pki.personal.certDer));
    expect(r.certs).toHaveLength(2);
  });

  it('finds the signer when the sid names the issuer in another string type (names compared, not bytes)', async () => {
    const cms = edit(await signedCms(), (sd) => {
      const sid = sd.signerInfos[0]!.sid as pkijs.IssuerAndSerialNumber;
      const issuer = new pkijs.RelativeDistinguishedNames({ schema: sid.issuer.toSchema() });
      for (const tv of issuer.typesAndValues) {
        const text = (tv.value as asn1js.Utf8String).valueBlock.value;
        tv.value = new asn1js.BmpString({ value: text }); // same name, other encoding
      }
      issuer.valueBeforeDecode = new ArrayBuffer(0);
      sd.signerInfos[0]!.sid = new pkijs.IssuerAndSerialNumber({ issuer, serialNumber: sid.serialNumber });
    });
    const r = checkCms(cms, content, byteRange, true);
    expect(r.problems).toEqual([]);
    expect(signerSerial(r.signerCertDer)).toBe(signerSerial(pki.personal.certDer));
  });

  it('finds the signer by subject key identifier', async () => {
    const cms = edit(await signedCms(), (sd) => {
      const cert = pkijs.Certificate.fromBER(pki.personal.certDer);
      const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.14');
      sd.signerInfos[0]!.version = 3;
      sd.signerInfos[0]!.sid = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: (ext!.parsedValue as asn1js.OctetString).valueBlock.valueHexView });
    });
    const r = checkCms(cms, content, byteRange, true);
    expect(r.problems).toEqual([]);
    expect(signerSerial(r.signerCertDer)).toBe(signerSerial(pki.personal.certDer));
  });

  it('says the signer certificate is missing when the sid names a certificate that is not carried', async () => {
    const cms = edit(await signedCms(), (sd) => {
      const other = pkijs.Certificate.fromBER(pki.organization.certDer);
      sd.signerInfos[0]!.sid = new pkijs.IssuerAndSerialNumber({ issuer: other.issuer, serialNumber: other.serialNumber });
    });
    const r = checkCms(cms, content, byteRange, true);
    expect(r.ok).toBe(false);
    expect(r.problems).toContain('CMS không chứa chứng thư số của người ký');
  });

  it('refuses a SignedData with an extra member after signerInfos', async () => {
    const ci = new pkijs.ContentInfo({ schema: asn1js.fromBER(await signedCms()).result });
    const seq = ci.content as asn1js.Sequence;
    seq.valueBlock.value.push(new asn1js.Integer({ value: 7 }));
    const bad = new Uint8Array(new pkijs.ContentInfo({ contentType: ci.contentType, content: seq }).toSchema().toBER(false));
    expect(checkCms(bad, content, byteRange, true).problems).toEqual(['/Contents không chứa CMS SignedData hợp lệ']);
  });
});
