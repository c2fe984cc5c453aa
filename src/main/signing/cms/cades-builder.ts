/**
 * CMS SignedData for PAdES baseline B-B with an external signer (the token), built with PKI.js
 * (pdf-signing.md §3.2–3.3): detached, eContentType id-data; signed attributes content-type, message-digest and
 * signing-certificate-v2, and no signing-time (the claimed time goes in the /Sig /M entry). The signed
 * attributes are sorted as DER requires for SET OF.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { KeyAlgorithm } from '../token/token-session';
import { derView } from '../der-view';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  sha1: '1.3.14.3.2.26',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  revocationInfoArchival: '1.2.840.113583.1.1.8',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
} as const;

export interface CadesInput {
  /** SHA-256 of the signed bytes (the two ByteRange ranges). */
  digest: Uint8Array;
  signerCertDer: Uint8Array;
  /** Intermediate certificates to embed (the trust anchor may be left out). */
  chainDers: Uint8Array[];
  keyAlgorithm: KeyAlgorithm;
  /** Signs the DER of the signed attributes (SET form); returns the CMS signature value. */
  sign(tbs: Uint8Array): Promise<Uint8Array>;
  /**
   * PAdES B-T: returns an RFC 3161 TimeStampToken (DER) over the signature value, added as the unsigned
   * attribute id-aa-signatureTimeStampToken. Absent = B-B.
   */
  timestamp?: ((signatureValue: Uint8Array) => Promise<Uint8Array>) | undefined;
}

/** The signing-certificate-v2 attribute value (RFC 5035) for `cert`; also used by the test TSA (RFC 5816). */
export function signingCertificateV2(cert: pkijs.Certificate, certDer: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(certDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView }),
    ],
  });
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, RFC 5035 §3.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: new Uint8Array(certHash) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** DER order of a SET OF attributes (sorted by their encodings). */
export function sortedAttributes(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }));
  encoded.sort((x, y) => compareBytes(x.der, y.der));
  return encoded.map((e) => e.a);
}

/** Build the detached CMS and return its DER. The token signs once. */
export async function buildCades(input: CadesInput): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(derView(input.signerCertDer));
  const attributes = sortedAttributes([
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: input.digest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(cert, input.signerCertDer)] }),
  ]);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes });
  const tbs = new Uint8Array(signedAttrs.toSchema().toBER(false));
  tbs[0] = 0x31; // [0] IMPLICIT becomes SET OF for the signature (RFC 5652 §5.4)
  const signature = await input.sign(tbs);
  const signatureAlgorithm =
    input.keyAlgorithm === 'EC'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  if (input.timestamp) {
    const token = asn1js.fromBER(derView(await input.timestamp(signature)));
    if (token.offset === -1) throw new Error('timestamp token is not DER');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...input.chainDers.map((der) => pkijs.Certificate.fromBER(derView(der)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/**
 * Bytes to reserve in /Contents for this signer: a dry run of the same CMS with a dummy signature of the
 * largest size the key can produce, plus a margin for a timestamp token when a TSA is configured.
 */
export async function estimateCadesSize(input: Omit<CadesInput, 'sign' | 'digest' | 'timestamp'>, withTimestamp = false): Promise<number> {
  const cert = pkijs.Certificate.fromBER(derView(input.signerCertDer));
  const pub = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.length;
  const sigSize = input.keyAlgorithm === 'EC' ? 8 + 2 * 67 : pub;
  const der = await buildCades({ ...input, digest: new Uint8Array(32), sign: async () => new Uint8Array(sigSize).fill(0xff) });
  return der.length + 256 + (withTimestamp ? 8192 : 0);
}
