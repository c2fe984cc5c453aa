/**
 * Integrity of one CMS signature over the ByteRange bytes: message-digest equals the hash of the signed ranges,
 * the signature over the signed attributes verifies with the signer's key, signing-certificate(-v2) names the
 * certificate actually used, key usage allows signing, and no SHA-1/MD5 (pdf-signing.md §8, generic checks).
 */
import { createHash, createVerify, verify as cryptoVerify, X509Certificate, constants, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { allowsSigning, certFacts, type CertFacts } from '../cert-info';
import { OID } from '../cms/cades-builder';
import type { PrefixDigests } from './prefix-digests';

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

/** A certificate as it was encoded in the CMS, with its parsed ASN.1 node (read, never re-encoded). */
interface RawCertificate { der: Uint8Array; node: asn1js.Sequence }

/** SignedData (RFC 5652 §5.1) read from its ASN.1 nodes: carried certificates and revocation data as encoded. */
interface SignedDataParts { raw: RawCertificate[]; crls: Uint8Array[]; ocsps: Uint8Array[]; signerInfos: pkijs.SignerInfo[] }

const isContext = (el: asn1js.AsnType | undefined, n: number): el is asn1js.Constructed =>
  el instanceof asn1js.Constructed && el.idBlock.tagClass === 3 && el.idBlock.tagNumber === n;
const bytesOf = (el: asn1js.AsnType): Uint8Array => new Uint8Array(el.valueBeforeDecodeView);

/**
 * Walk SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE, [0] certificates OPTIONAL,
 * [1] crls OPTIONAL, signerInfos SET } by hand and let PKI.js parse only the SignerInfo: PKI.js builds the schema
 * of every member for each parse, and building and matching the certificate schemas was the costliest step of
 * verifying a small file (issue 6, bench:verify). Throws on any other shape.
 */
function readSignedData(node: asn1js.AsnType): SignedDataParts {
  if (!(node instanceof asn1js.Sequence)) throw new Error('SignedData');
  const [version, digests, encap, ...rest] = node.valueBlock.value;
  if (!(version instanceof asn1js.Integer) || !(digests instanceof asn1js.Set) || !(encap instanceof asn1js.Sequence)) throw new Error('SignedData');
  if (!(encap.valueBlock.value[0] instanceof asn1js.ObjectIdentifier)) throw new Error('encapContentInfo');
  const certSet = isContext(rest[0], 0) ? rest.shift() as asn1js.Constructed : null;
  const crlSet = isContext(rest[0], 1) ? rest.shift() as asn1js.Constructed : null;
  const signers = rest.shift();
  if (!(signers instanceof asn1js.Set) || rest.length > 0) throw new Error('signerInfos');
  const raw = (certSet?.valueBlock.value ?? [])
    .filter((c): c is asn1js.Sequence => c instanceof asn1js.Sequence)
    .map((c) => ({ der: bytesOf(c), node: c }));
  const crls: Uint8Array[] = [];
  const ocsps: Uint8Array[] = [];
  for (const c of crlSet?.valueBlock.value ?? []) {
    if (c instanceof asn1js.Sequence) crls.push(bytesOf(c)); // CertificateList
    else if (isContext(c, 1)) { // [1] IMPLICIT OtherRevocationInfoFormat { otherRevInfoFormat, otherRevInfo }
      const [format, info] = c.valueBlock.value;
      if (format instanceof asn1js.ObjectIdentifier && format.valueBlock.toString() === '1.3.6.1.5.5.7.16.2' && info) ocsps.push(bytesOf(info));
    }
  }
  return { raw, crls, ocsps, signerInfos: signers.valueBlock.value.map((si) => new pkijs.SignerInfo({ schema: si })) };
}

/** TBSCertificate's serialNumber and issuer nodes (RFC 5280 §4.1), or null when the shape is not a certificate. */
function serialAndIssuer(cert: asn1js.Sequence): { serial: asn1js.AsnType; issuer: asn1js.AsnType } | null {
  const tbs = cert.valueBlock.value[0];
  if (!(tbs instanceof asn1js.Sequence)) return null;
  const fields = tbs.valueBlock.value;
  const at = fields[0]?.idBlock.tagClass === 3 && fields[0].idBlock.tagNumber === 0 ? 1 : 0; // [0] version present
  const serial = fields[at];
  const issuer = fields[at + 2];
  return serial instanceof asn1js.Integer && issuer instanceof asn1js.Sequence ? { serial, issuer } : null;
}

const sameBytes = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

function parseCertificate(c: RawCertificate): pkijs.Certificate | null {
  try {
    return new pkijs.Certificate({ schema: c.node });
  } catch {
    return null;
  }
}

/**
 * The carried certificate the SignerInfo names. Issuer and serial are first compared as encoded (what signers
 * copy from the certificate); only when that finds nothing are the certificates parsed and the names compared the
 * way PKI.js compares them, so a differently encoded but equal name still matches.
 */
function findSigner(raw: RawCertificate[], si: pkijs.SignerInfo): RawCertificate | null {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    const sidIssuer = new Uint8Array(sid.issuer.valueBeforeDecode);
    const exact = raw.find((c) => {
      const ids = serialAndIssuer(c.node);
      return ids !== null && sameBytes((ids.serial as asn1js.Integer).valueBlock.valueHexView, sid.serialNumber.valueBlock.valueHexView)
        && sidIssuer.byteLength > 0 && sameBytes(ids.issuer.valueBeforeDecodeView, sidIssuer);
    });
    return exact ?? raw.find((c) => {
      const cert = parseCertificate(c);
      return cert !== null && cert.issuer.isEqual(sid.issuer) && cert.serialNumber.isEqual(sid.serialNumber);
    }) ?? null;
  }
  const skid = Buffer.from((si.sid as asn1js.OctetString).valueBlock.valueHexView);
  return raw.find((c) => {
    const ext = parseCertificate(c)?.extensions?.find((e) => e.extnID === '2.5.29.14');
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

function collectRevocation(si: pkijs.SignerInfo, crls: Uint8Array[], ocsps: Uint8Array[]): void {
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
 * ETSI.CAdES.detached (PAdES requires the attribute). `prefixes` (the file's prefix hashes) saves a pass over the file.
 */
export function checkCms(cms: Uint8Array, bytes: Uint8Array, byteRange: number[], requireSigningCertificate: boolean, allowSha1 = false, prefixes?: PrefixDigests): CmsCheck {
  const out: CmsCheck = { ok: false, problems: [], warnings: [], signerCertDer: null, signer: null, certs: [], crls: [], ocsps: [], signatureValue: null, timestampToken: null };
  let sd: SignedDataParts;
  try {
    const asn = asn1js.fromBER(cms);
    if (asn.offset === -1) throw new Error('BER');
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
    sd = readSignedData(ci.content as asn1js.AsnType);
  } catch {
    out.problems.push('/Contents không chứa CMS SignedData hợp lệ');
    return out;
  }
  const si = sd.signerInfos[0];
  if (!si || sd.signerInfos.length !== 1) { out.problems.push('CMS phải có đúng một người ký'); return out; }
  const raw = sd.raw;
  // The certificates as they were encoded: hashing for signing-certificate-v2 must see those bytes.
  out.certs = raw.map((c) => c.der);
  const cert = findSigner(raw, si);
  if (!cert) { out.problems.push('CMS không chứa chứng thư số của người ký'); return out; }
  const certDer = cert.der;
  out.signerCertDer = certDer;
  try { out.signer = certFacts(certDer); } catch { out.problems.push('chứng thư số người ký hỏng'); return out; }
  out.crls.push(...sd.crls);
  out.ocsps.push(...sd.ocsps);
  collectRevocation(si, out.crls, out.ocsps);
  const hashName = HASHES[si.digestAlgorithm.algorithmId];
  const weak = hashName === 'sha1' || SIG_HASH[si.signatureAlgorithm.algorithmId] === 'sha1';
  if (weak && allowSha1 && hashName) out.warnings.push('chữ ký dùng SHA-1 (thuật toán yếu): chỉ kiểm tra được tính toàn vẹn, không được coi là hợp lệ khi kiểm tra đầy đủ');
  else if (!hashName || hashName === 'sha1' || hashName === 'md5') {
    out.problems.push(`thuật toán băm yếu hoặc không hỗ trợ (${hashName ?? si.digestAlgorithm.algorithmId}): không chấp nhận SHA-1`);
    return out;
  }
  const [a = 0, b = 0, c = 0, d = 0] = byteRange;
  // SHA-256 ranges continue from the file's prefix states (one pass over the file for all its hashes, prefix-digests.ts).
  const h = hashName === 'sha256' && prefixes ? prefixes.ranges(byteRange) : createHash(hashName).update(bytes.subarray(a, a + b)).update(bytes.subarray(c, c + d)).digest();
  let key: KeyObject;
  try { key = new X509Certificate(Buffer.from(certDer)).publicKey; } catch { out.problems.push('chứng thư số người ký hỏng'); return out; }
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
