/**
 * Integrity of one CMS signature over the ByteRange bytes: message-digest equals the hash of the signed ranges,
 * the signature over the signed attributes verifies with the signer's key, signing-certificate(-v2) names the
 * certificate actually used, key usage allows signing, and no SHA-1/MD5 (pdf-signing.md §8, generic checks).
 */
import { createHash, createVerify, verify as cryptoVerify, X509Certificate, constants } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { allowsSigning, certFacts, type CertFacts } from '../cert-info';
import { OID } from '../cms/cades-builder';

export interface CmsCheck {
  ok: boolean;
  problems: string[];
  /** Remarks that do not decide the verdict (SHA-1 in integrity-only mode). */
  warnings: string[];
  signerCertDer: Uint8Array | null;
  signer: CertFacts | null;
  /** Certificates carried in the CMS (for chain building). */
  certs: Uint8Array[];
  /** CRLs and OCSP responses carried in the CMS (RevocationInfoChoices, adbe-revocationInfoArchival). */
  crls: Uint8Array[];
  ocsps: Uint8Array[];
  /** The SignerInfo signature value (what a signature timestamp stamps). */
  signatureValue: Uint8Array | null;
  /** RFC 3161 token of the unsigned attribute id-aa-signatureTimeStampToken (PAdES B-T), if any. */
  timestampToken: Uint8Array | null;
}

const HASHES: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512', [OID.sha1]: 'sha1', '1.2.840.113549.2.5': 'md5' };
const SIG_HASH: Record<string, string> = {
  '1.2.840.113549.1.1.11': 'sha256', '1.2.840.113549.1.1.12': 'sha384', '1.2.840.113549.1.1.13': 'sha512', '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256', '1.2.840.10045.4.3.3': 'sha384', '1.2.840.10045.4.3.4': 'sha512', '1.2.840.10045.4.1': 'sha1',
};

function attr(si: pkijs.SignerInfo, oid: string): asn1js.AsnType | null {
  return si.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0] ?? null;
}

function der(v: { toSchema(): { toBER(b?: boolean): ArrayBuffer } }): Uint8Array {
  return new Uint8Array(v.toSchema().toBER(false));
}

/** SignedData's `certificates [0] IMPLICIT` members that are X.509 certificates (SEQUENCE), in their own bytes. */
function rawCertificates(signedData: asn1js.AsnType): Uint8Array[] {
  if (!(signedData instanceof asn1js.Sequence)) return [];
  const set = signedData.valueBlock.value.find((el) => el.idBlock.tagClass === 3 && el.idBlock.tagNumber === 0);
  if (!(set instanceof asn1js.Constructed)) return [];
  return set.valueBlock.value
    .filter((c) => c.idBlock.tagClass === 1 && c.idBlock.tagNumber === 16)
    .map((c) => new Uint8Array(c.valueBeforeDecodeView));
}

function findSigner(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  const skid = Buffer.from((si.sid as asn1js.OctetString).valueBlock.valueHexView);
  return certs.find((c) => {
    const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
    return ext ? Buffer.from((ext.parsedValue as asn1js.OctetString).valueBlock.valueHexView).equals(skid) : false;
  }) ?? null;
}

function checkEssCert(si: pkijs.SignerInfo, certDer: Uint8Array, problems: string[], requireIt: boolean): void {
  const v2 = attr(si, OID.signingCertificateV2);
  const v1 = attr(si, OID.signingCertificate);
  const target = v2 ?? v1;
  if (!target) {
    if (requireIt) problems.push('thiếu thuộc tính signing-certificate-v2 (PAdES)');
    return;
  }
  try {
    const certsSeq = (target as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certsSeq.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let alg = v2 ? 'sha256' : 'sha1';
    let hashEl = parts[0];
    if (v2 && parts[0] instanceof asn1js.Sequence) {
      const oid = (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      alg = HASHES[oid] ?? 'unknown';
      hashEl = parts[1];
    }
    const expected = Buffer.from((hashEl as asn1js.OctetString).valueBlock.valueHexView);
    if (!createHash(alg).update(certDer).digest().equals(expected)) problems.push('signing-certificate không khớp chứng thư số đã dùng để ký');
  } catch {
    problems.push('thuộc tính signing-certificate hỏng');
  }
}

function collectRevocation(sd: pkijs.SignedData, si: pkijs.SignerInfo, crls: Uint8Array[], ocsps: Uint8Array[]): void {
  for (const c of sd.crls ?? []) {
    if (c instanceof pkijs.CertificateRevocationList) crls.push(der(c));
    else if (c instanceof pkijs.OtherRevocationInfoFormat && c.otherRevInfoFormat === '1.3.6.1.5.5.7.16.2') ocsps.push(new Uint8Array((c.otherRevInfo as asn1js.AsnType).toBER(false)));
  }
  const archival = attr(si, OID.revocationInfoArchival);
  if (archival instanceof asn1js.Sequence) {
    for (const tagged of archival.valueBlock.value) {
      const tag = tagged.idBlock.tagNumber;
      const inner = (tagged as asn1js.Constructed).valueBlock.value[0] as asn1js.Sequence | undefined;
      for (const item of inner?.valueBlock.value ?? []) (tag === 0 ? crls : tag === 1 ? ocsps : []).push(new Uint8Array(item.toBER(false)));
    }
  }
}

/**
 * Check the CMS `cms` against the signed ranges of `bytes`. `requireSigningCertificate` is true for
 * ETSI.CAdES.detached (PAdES requires the attribute).
 */
export function checkCms(cms: Uint8Array, bytes: Uint8Array, byteRange: number[], requireSigningCertificate: boolean, allowSha1 = false): CmsCheck {
  const out: CmsCheck = { ok: false, problems: [], warnings: [], signerCertDer: null, signer: null, certs: [], crls: [], ocsps: [], signatureValue: null, timestampToken: null };
  let sd: pkijs.SignedData;
  let raw: Uint8Array[];
  try {
    const asn = asn1js.fromBER(cms);
    if (asn.offset === -1) throw new Error('BER');
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    sd = new pkijs.SignedData({ schema: ci.content });
    raw = rawCertificates(ci.content as asn1js.AsnType);
  } catch {
    out.problems.push('/Contents không chứa CMS SignedData hợp lệ');
    return out;
  }
  const si = sd.signerInfos[0];
  if (!si || sd.signerInfos.length !== 1) { out.problems.push('CMS phải có đúng một người ký'); return out; }
  const parsed = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  // The certificates as they were encoded (hashing for signing-certificate-v2 must see those bytes, and
  // re-encoding every certificate was the costliest step of a small file); re-encoded only if they do not line up.
  const encoded = raw.length === parsed.length ? raw : parsed.map(der);
  out.certs = encoded;
  const cert = findSigner(sd, si);
  if (!cert) { out.problems.push('CMS không chứa chứng thư số của người ký'); return out; }
  const certDer = encoded[parsed.indexOf(cert)] ?? der(cert);
  out.signerCertDer = certDer;
  try { out.signer = certFacts(certDer); } catch { out.problems.push('chứng thư số người ký hỏng'); return out; }
  collectRevocation(sd, si, out.crls, out.ocsps);
  const hashName = HASHES[si.digestAlgorithm.algorithmId];
  const weak = hashName === 'sha1' || SIG_HASH[si.signatureAlgorithm.algorithmId] === 'sha1';
  if (weak && allowSha1 && hashName) out.warnings.push('chữ ký dùng SHA-1 (thuật toán yếu): chỉ kiểm tra được tính toàn vẹn, không được coi là hợp lệ khi kiểm tra đầy đủ');
  else if (!hashName || hashName === 'sha1' || hashName === 'md5') {
    out.problems.push(`thuật toán băm yếu hoặc không hỗ trợ (${hashName ?? si.digestAlgorithm.algorithmId}): không chấp nhận SHA-1`);
    return out;
  }
  const [a = 0, b = 0, c = 0, d = 0] = byteRange;
  const h = createHash(hashName).update(bytes.subarray(a, a + b)).update(bytes.subarray(c, c + d)).digest();
  const key = new X509Certificate(Buffer.from(certDer)).publicKey;
  const sigOid = si.signatureAlgorithm.algorithmId;
  if (SIG_HASH[sigOid] === 'sha1' && !allowSha1) { out.problems.push('chữ ký dùng SHA-1: không chấp nhận'); return out; }
  const signature = Buffer.from(si.signature.valueBlock.valueHexView);
  out.signatureValue = new Uint8Array(signature);
  const stamp = si.unsignedAttrs?.attributes.find((x) => x.type === OID.signatureTimeStampToken)?.values[0];
  if (stamp) out.timestampToken = new Uint8Array(stamp.toBER(false));
  const pss = sigOid === '1.2.840.113549.1.1.10';
  const verifyKey = pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : key;
  let verified: boolean;
  if (si.signedAttrs) {
    const md = attr(si, OID.messageDigest);
    if (!(md instanceof asn1js.OctetString) || !Buffer.from(md.valueBlock.valueHexView).equals(h)) {
      out.problems.push('giá trị băm không khớp: nội dung đã ký bị thay đổi (Digest Mismatch)');
      return out;
    }
    const ct = attr(si, OID.contentType);
    if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) out.problems.push('thuộc tính content-type sai');
    const signed = new Uint8Array(si.signedAttrs.encodedValue);
    signed[0] = 0x31;
    verified = safeVerify(() => cryptoVerify(hashName, signed, verifyKey, signature));
    checkEssCert(si, certDer, out.problems, requireSigningCertificate);
  } else {
    verified = safeVerify(() => createVerify(hashName).update(bytes.subarray(a, a + b)).update(bytes.subarray(c, c + d)).verify(verifyKey, signature));
  }
  if (!verified) out.problems.push('chữ ký số không khớp khóa công khai của chứng thư số');
  if (!allowsSigning(out.signer)) out.problems.push('mục đích sử dụng khóa (key usage) không cho phép ký');
  out.ok = out.problems.length === 0;
  return out;
}

function safeVerify(fn: () => boolean): boolean {
  try {
    return fn();
  } catch {
    return false;
  }
}
