/**
 * Revocation status of one certificate from CRLs and OCSP responses (pdf-signing.md §6). Every answer is checked
 * (issuer, signature, freshness) before use; a stale or unverifiable answer counts as none. The offline cache is
 * a directory of DER files kept by main (*.crl, *.ocsp); live answers are added to it.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as asn1js from 'asn1js';
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

type Answer = RevocationStatus | null;

async function fromCrl(der: Uint8Array, cert: X509Certificate, issuer: X509Certificate, now: Date): Promise<Answer> {
  try {
    const crl = new x509.X509Crl(derView(der));
    const issuerX = new x509.X509Certificate(issuer.raw);
    if (crl.issuer !== issuerX.subject) return null;
    if (!(await crl.verify({ publicKey: issuerX.publicKey }))) return null;
    if (!crl.nextUpdate || crl.nextUpdate < now || crl.thisUpdate > new Date(now.getTime() + 300_000)) return null;
    return crl.findRevoked(cert.serialNumber) ? 'revoked' : 'good';
  } catch {
    return null;
  }
}

async function fromOcsp(der: Uint8Array, cert: X509Certificate, issuer: X509Certificate, now: Date): Promise<Answer> {
  try {
    const resp = pkijs.OCSPResponse.fromBER(derView(der));
    if (resp.responseStatus.valueBlock.valueDec !== 0 || !resp.responseBytes) return null;
    const basic = pkijs.BasicOCSPResponse.fromBER(derView(resp.responseBytes.response.valueBlock.valueHexView));
    const issuerP = pkijs.Certificate.fromBER(issuer.raw);
    const certP = pkijs.Certificate.fromBER(cert.raw);
    // Only the issuing CA itself is accepted as responder here (a delegated responder would need its own checks).
    const ok = await pkijs.getCrypto(true).verifyWithPublicKey(
      basic.tbsResponseData.tbs, basic.signature, issuerP.subjectPublicKeyInfo, basic.signatureAlgorithm,
    );
    if (!ok) return null;
    for (const single of basic.tbsResponseData.responses) {
      const id = await pkijs.CertID.create(certP, { hashAlgorithm: hashName(single.certID.hashAlgorithm.algorithmId), issuerCertificate: issuerP });
      if (!single.certID.isEqual(id)) continue;
      const next = single.nextUpdate ?? new Date(single.thisUpdate.getTime() + 86_400_000);
      if (next < now || single.thisUpdate > new Date(now.getTime() + 300_000)) return null;
      const tag = (single.certStatus as asn1js.BaseBlock).idBlock.tagNumber;
      return tag === 0 ? 'good' : tag === 1 ? 'revoked' : null;
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

/** Status of `cert` (issued by `issuer`) at `now`, trying the sources in order. */
export async function checkRevocation(cert: X509Certificate, issuer: X509Certificate, sources: RevocationSources, now: Date): Promise<RevocationStatus> {
  const groups = [sources.dss, sources.cms, ...(sources.cacheDir ? [readCache(sources.cacheDir)] : [])];
  for (const g of groups) {
    for (const der of g.ocsps) { const a = await fromOcsp(der, cert, issuer, now); if (a) return a; }
    for (const der of g.crls) { const a = await fromCrl(der, cert, issuer, now); if (a) return a; }
  }
  if (!sources.allowLiveFetch) return 'unknown';
  try {
    const ocsp = await liveOcsp(cert, issuer);
    const a = ocsp ? await fromOcsp(ocsp, cert, issuer, now) : null;
    if (a && ocsp) { if (sources.cacheDir) writeCache(sources.cacheDir, 'ocsp', ocsp); return a; }
  } catch {
    // Network failure: fall through to the CRL.
  }
  try {
    const crl = await liveCrl(cert);
    const a = crl ? await fromCrl(crl, cert, issuer, now) : null;
    if (a && crl) { if (sources.cacheDir) writeCache(sources.cacheDir, 'crl', crl); return a; }
  } catch {
    // Unreachable: the status stays unknown.
  }
  return 'unknown';
}
