/**
 * Revocation status of one certificate from CRLs and OCSP responses (pdf-signing.md §6), judged at the validation
 * time of ETSI EN 319 102-1 §5.2.5/§5.6.2: `at` is the proof-of-existence time when there is one (a timestamp, a
 * document timestamp, our receipt record), otherwise now. Every answer is checked (issuer, signature, not issued
 * in the future) before use. An answer is usable for `at` when it was issued at or after `at` (it then knows
 * every revocation up to `at`) or when its validity window [thisUpdate, nextUpdate] covers `at`. A certificate
 * listed as revoked with a revocation date AFTER `at` was still good for a signature proven to exist at `at`;
 * one revoked at or before `at` is revoked. A "good" issued after the certificate expired proves nothing unless
 * the CRL keeps expired entries (ExpiredCertsOnCRL, 2.5.29.60) or the OCSP answer carries archiveCutoff (RFC 6960
 * §4.4.4), since CAs drop expired certificates from their lists. No usable answer gives "unknown", never "good".
 * The offline cache is a directory of DER files kept by main (*.crl, *.ocsp); live answers are added to it.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import '../cert-info';
import { derView } from '../der-view';

export type RevocationStatus = 'good' | 'revoked' | 'unknown';

export interface RevocationSources {
  dss: { crls: Uint8Array[]; ocsps: Uint8Array[] };
  cms: { crls: Uint8Array[]; ocsps: Uint8Array[] };
  cacheDir?: string | undefined;
  allowLiveFetch: boolean;
}

/** The combined answer for one certificate. */
export interface RevocationAnswer {
  status: RevocationStatus;
  /** Revocation date from the CRL entry / OCSP revokedInfo, when the certificate is listed at all. */
  revokedAt: Date | null;
  /** Where the deciding answer came from. */
  source: 'dss' | 'cms' | 'cache' | 'live' | null;
  /** The deciding answer itself (DER) and its kind, for a DSS (PAdES B-LT, ltv.ts); null when unknown. */
  evidence: { kind: 'crl' | 'ocsp'; der: Uint8Array } | null;
}

/** Clock skew tolerated for "issued in the future" (5 minutes). */
const SKEW_MS = 300_000;
const EXPIRED_CERTS_ON_CRL = '2.5.29.60';
const ARCHIVE_CUTOFF = '1.3.6.1.5.5.7.48.1.6';

/** One parsed, verified answer: not listed, or listed with its revocation date. */
interface Evidence { revokedAt: Date | null }

function usableAt(thisUpdate: Date, nextUpdate: Date | undefined, at: Date, now: Date): boolean {
  if (thisUpdate.getTime() > now.getTime() + SKEW_MS) return false;
  if (thisUpdate.getTime() >= at.getTime() - SKEW_MS) return true;
  return nextUpdate !== undefined && nextUpdate.getTime() >= at.getTime();
}

async function fromCrl(der: Uint8Array, cert: X509Certificate, issuer: X509Certificate, at: Date, now: Date): Promise<Evidence | null> {
  try {
    const crl = new x509.X509Crl(derView(der));
    const issuerX = new x509.X509Certificate(issuer.raw);
    if (crl.issuer !== issuerX.subject) return null;
    if (!(await crl.verify({ publicKey: issuerX.publicKey }))) return null;
    if (!usableAt(crl.thisUpdate, crl.nextUpdate, at, now)) return null;
    const entry = crl.findRevoked(cert.serialNumber);
    if (entry) return { revokedAt: entry.revocationDate };
    const keepsExpired = crl.extensions.some((e) => e.type === EXPIRED_CERTS_ON_CRL);
    if (!keepsExpired && crl.thisUpdate > new Date(cert.validTo)) return null;
    return { revokedAt: null };
  } catch {
    return null;
  }
}

function revocationTimeOf(status: asn1js.BaseBlock): Date | null {
  const inner = (status as asn1js.Constructed).valueBlock?.value?.[0];
  if (inner instanceof asn1js.GeneralizedTime) return inner.toDate();
  if (inner instanceof asn1js.Primitive || inner instanceof asn1js.BaseBlock) {
    try {
      const t = new asn1js.GeneralizedTime({ valueHex: (inner as asn1js.Primitive).valueBlock.valueHexView });
      return t.toDate();
    } catch {
      return null;
    }
  }
  return null;
}

const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
const OCSP_NOCHECK = '1.3.6.1.5.5.7.48.1.5';

/** Whether the answer's responderID names `cert` (byKey: SHA-1 of its public key bits; byName: its subject). */
function namesResponder(basic: pkijs.BasicOCSPResponse, cert: pkijs.Certificate): boolean {
  const id = basic.tbsResponseData.responderID as unknown;
  if (id instanceof asn1js.OctetString) {
    const keyHash = createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
    return Buffer.from(id.valueBlock.valueHexView).equals(keyHash);
  }
  return id instanceof pkijs.RelativeDistinguishedNames && id.isEqual(cert.subject);
}

/**
 * The keys that may have signed an OCSP answer about a certificate of `issuer` (RFC 6960 §4.2.2.2): the issuing CA's
 * own key, then each responder certificate carried in the answer that this CA issued for the purpose — its signature
 * by the CA, id-kp-OCSPSigning in its extended key usage, valid when the answer was produced, named by the
 * responderID, and carrying id-pkix-ocsp-nocheck. Without nocheck the responder's own status would have to be checked
 * first; that is not done, so such an answer is not used (the status stays "unknown", never a wrong "good").
 */
async function responderKeys(basic: pkijs.BasicOCSPResponse, issuer: X509Certificate, issuerP: pkijs.Certificate): Promise<pkijs.PublicKeyInfo[]> {
  const keys = [issuerP.subjectPublicKeyInfo];
  const issuerX = new x509.X509Certificate(issuer.raw);
  const producedAt = basic.tbsResponseData.producedAt;
  for (const carried of basic.certs ?? []) {
    try {
      const der = new Uint8Array(carried.toSchema().toBER(false));
      const r = new x509.X509Certificate(der);
      if (r.issuer !== issuerX.subject || !(await r.verify({ publicKey: issuerX.publicKey, signatureOnly: true }))) continue;
      if (!(r.getExtension(x509.ExtendedKeyUsageExtension)?.usages ?? []).includes(OCSP_SIGNING)) continue;
      if (!r.extensions.some((e) => e.type === OCSP_NOCHECK)) continue;
      if (producedAt.getTime() < r.notBefore.getTime() - SKEW_MS || producedAt.getTime() > r.notAfter.getTime()) continue;
      if (!namesResponder(basic, carried)) continue;
      keys.push(carried.subjectPublicKeyInfo);
    } catch {
      // A malformed carried certificate is simply not a responder.
    }
  }
  return keys;
}

async function fromOcsp(der: Uint8Array, cert: X509Certificate, issuer: X509Certificate, at: Date, now: Date): Promise<Evidence | null> {
  try {
    const resp = pkijs.OCSPResponse.fromBER(derView(der));
    if (resp.responseStatus.valueBlock.valueDec !== 0 || !resp.responseBytes) return null;
    const basic = pkijs.BasicOCSPResponse.fromBER(derView(resp.responseBytes.response.valueBlock.valueHexView));
    const issuerP = pkijs.Certificate.fromBER(issuer.raw);
    const certP = pkijs.Certificate.fromBER(cert.raw);
    // Signed by the issuing CA or by a responder it delegated (responderKeys).
    let ok = false;
    for (const key of await responderKeys(basic, issuer, issuerP)) {
      if (await pkijs.getCrypto(true).verifyWithPublicKey(basic.tbsResponseData.tbs, basic.signature, key, basic.signatureAlgorithm)) {
        ok = true;
        break;
      }
    }
    if (!ok) return null;
    const archive = (basic.tbsResponseData.responseExtensions ?? []).some((e) => e.extnID === ARCHIVE_CUTOFF);
    for (const single of basic.tbsResponseData.responses) {
      const id = await pkijs.CertID.create(certP, { hashAlgorithm: hashName(single.certID.hashAlgorithm.algorithmId), issuerCertificate: issuerP });
      if (!single.certID.isEqual(id)) continue;
      const next = single.nextUpdate ?? new Date(single.thisUpdate.getTime() + 86_400_000);
      if (!usableAt(single.thisUpdate, next, at, now)) return null;
      const tag = (single.certStatus as asn1js.BaseBlock).idBlock.tagNumber;
      if (tag === 1) {
        const when = revocationTimeOf(single.certStatus as asn1js.BaseBlock);
        // A revoked answer without a readable date counts as revoked from the beginning.
        return { revokedAt: when ?? new Date(0) };
      }
      if (tag !== 0) return null;
      const singleArchive = (single.singleExtensions ?? []).some((e) => e.extnID === ARCHIVE_CUTOFF);
      if (!archive && !singleArchive && single.thisUpdate > new Date(cert.validTo)) return null;
      return { revokedAt: null };
    }
    return null;
  } catch {
    return null;
  }
}

function hashName(oid: string): string {
  return ({ '1.3.14.3.2.26': 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' } as Record<string, string>)[oid] ?? 'SHA-1';
}

function readCache(dir: string): { crls: Uint8Array[]; ocsps: Uint8Array[] } {
  const out = { crls: [] as Uint8Array[], ocsps: [] as Uint8Array[] };
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    if (n.endsWith('.crl')) out.crls.push(new Uint8Array(readFileSync(join(dir, n))));
    else if (n.endsWith('.ocsp')) out.ocsps.push(new Uint8Array(readFileSync(join(dir, n))));
  }
  return out;
}

function writeCache(dir: string, ext: 'crl' | 'ocsp', der: Uint8Array): void {
  mkdirSync(dir, { recursive: true });
  const name = `${createHash('sha256').update(der).digest('hex').slice(0, 32)}.${ext}`;
  const tmp = join(dir, `.${name}.tmp`);
  writeFileSync(tmp, der);
  renameSync(tmp, join(dir, name));
}

async function liveOcsp(cert: X509Certificate, issuer: X509Certificate): Promise<Uint8Array | null> {
  const url = new x509.X509Certificate(cert.raw).getExtension(x509.AuthorityInfoAccessExtension)?.ocsp[0]?.value;
  if (!url || !/^https?:\/\//.test(url)) return null;
  const req = new pkijs.OCSPRequest();
  await req.createForCertificate(pkijs.Certificate.fromBER(cert.raw), { hashAlgorithm: 'SHA-256', issuerCertificate: pkijs.Certificate.fromBER(issuer.raw) });
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: Buffer.from(req.toSchema(true).toBER(false)), signal: AbortSignal.timeout(5000) });
  return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
}

async function liveCrl(cert: X509Certificate): Promise<Uint8Array | null> {
  const cdp = new x509.X509Certificate(cert.raw).getExtension(x509.CRLDistributionPointsExtension);
  const url = cdp?.distributionPoints[0]?.distributionPoint?.fullName?.[0]?.uniformResourceIdentifier;
  if (!url || !/^https?:\/\//.test(url)) return null;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
}

/** Fold one verified answer into the running decision for time `at`. */
function decide(evidence: Evidence, at: Date, source: RevocationAnswer['source'], current: RevocationAnswer, raw: RevocationAnswer['evidence']): RevocationAnswer {
  if (evidence.revokedAt && evidence.revokedAt.getTime() <= at.getTime()) return { status: 'revoked', revokedAt: evidence.revokedAt, source, evidence: raw };
  if (current.status === 'revoked') return current;
  const revokedAt = evidence.revokedAt ?? current.revokedAt;
  return current.status === 'good' ? { ...current, revokedAt } : { status: 'good', revokedAt, source, evidence: raw };
}

/**
 * Status of `cert` (issued by `issuer`) at validation time `at`, from every usable answer of the document's DSS,
 * the CMS and the offline cache; a live fetch only when none of them answers. `now` is the wall clock (an answer
 * from the future is refused). One revoked-at-or-before-`at` answer decides "revoked".
 */
export async function checkRevocationAt(cert: X509Certificate, issuer: X509Certificate, sources: RevocationSources, at: Date, now: Date): Promise<RevocationAnswer> {
  let out: RevocationAnswer = { status: 'unknown', revokedAt: null, source: null, evidence: null };
  const groups: Array<[RevocationAnswer['source'], { crls: Uint8Array[]; ocsps: Uint8Array[] }]> = [
    ['dss', sources.dss], ['cms', sources.cms], ...(sources.cacheDir ? [['cache', readCache(sources.cacheDir)] as [RevocationAnswer['source'], { crls: Uint8Array[]; ocsps: Uint8Array[] }]] : []),
  ];
  for (const [source, g] of groups) {
    for (const der of g.ocsps) { const e = await fromOcsp(der, cert, issuer, at, now); if (e) out = decide(e, at, source, out, { kind: 'ocsp', der }); }
    for (const der of g.crls) { const e = await fromCrl(der, cert, issuer, at, now); if (e) out = decide(e, at, source, out, { kind: 'crl', der }); }
  }
  if (out.status !== 'unknown' || !sources.allowLiveFetch) return out;
  try {
    const ocsp = await liveOcsp(cert, issuer);
    const e = ocsp ? await fromOcsp(ocsp, cert, issuer, at, now) : null;
    if (e && ocsp) { if (sources.cacheDir) writeCache(sources.cacheDir, 'ocsp', ocsp); return decide(e, at, 'live', out, { kind: 'ocsp', der: ocsp }); }
  } catch {
    // Network failure: fall through to the CRL.
  }
  try {
    const crl = await liveCrl(cert);
    const e = crl ? await fromCrl(crl, cert, issuer, at, now) : null;
    if (e && crl) { if (sources.cacheDir) writeCache(sources.cacheDir, 'crl', crl); return decide(e, at, 'live', out, { kind: 'crl', der: crl }); }
  } catch {
    // Unreachable: the status stays unknown.
  }
  return out;
}

/** Status of `cert` at `now` (no proof of existence: the validation time is now). */
export async function checkRevocation(cert: X509Certificate, issuer: X509Certificate, sources: RevocationSources, now: Date): Promise<RevocationStatus> {
  return (await checkRevocationAt(cert, issuer, sources, now, now)).status;
}
