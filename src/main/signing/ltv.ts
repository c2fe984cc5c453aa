/**
 * PAdES B-LT (ETSI EN 319 142-1 §5.4, pdf-signing.md §3.4, issue 6 "Beyond the anchors"): after signing online,
 * collect for every signature of the file its certification path (chain.ts) and, for each certificate below the
 * anchor, the CRL or OCSP answer that decided "good" now (revocation.ts: DSS, CMS, cache, live), plus the
 * certificates of its signature timestamp, and write them into a /DSS with one /VRI per signature
 * (pdf/dss-writer.ts). A commune office then verifies the document fully offline: verify-pdf reads the DSS first and
 * judges those answers at the proof-of-existence time (ETSI EN 319 102-1 §5.6.2). Nothing is written unless every
 * certificate of every path has a "good" answer: an incomplete DSS would only look like long-term validation.
 */
import type { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { parseRevisions } from '../pdf/parse/pdf-revisions';
import { appendDss, type VriMaterial } from '../pdf/dss-writer';
import { checkCms } from './verify/cms-check';
import { buildChain, toX509 } from './verify/chain';
import { checkRevocationAt } from './verify/revocation';
import { findSignatures } from './verify/signature-structure';
import { dssMaterial, type TrustContext } from './verify/trust-check';
import { tstInfoOf } from './tsa/tsa-client';

export interface LtvCollection {
  entries: VriMaterial[];
  /** Every path reached an anchor and every certificate below it has a "good" answer. */
  complete: boolean;
  /** Vietnamese reasons when not complete. */
  missing: string[];
}

function tokenCerts(token: Uint8Array | null): Uint8Array[] {
  if (!token) return [];
  try {
    const { signedData } = tstInfoOf(token);
    return (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new Uint8Array(c.toSchema().toBER(false)));
  } catch {
    return [];
  }
}

/** Validation material of every signature in `bytes`, judged now with `ctx` (anchors required). */
export async function collectLtv(bytes: Uint8Array, ctx: TrustContext): Promise<LtvCollection> {
  const out: LtvCollection = { entries: [], complete: true, missing: [] };
  const anchors = ctx.anchors.map(toX509).filter((c): c is X509Certificate => c !== null);
  if (anchors.length === 0) return { ...out, complete: false, missing: ['chưa cấu hình chứng thư số gốc tin cậy'] };
  const now = ctx.now ?? new Date();
  const pdf = parseRevisions(bytes);
  const dss = dssMaterial(pdf);
  for (const s of findSignatures(pdf)) {
    if (!s.contents || !s.byteRange || s.subFilter === 'ETSI.RFC3161') continue;
    const cms = checkCms(s.contents.bytes, bytes, s.byteRange, s.subFilter === 'ETSI.CAdES.detached');
    const signer = cms.signerCertDer ? toX509(cms.signerCertDer) : null;
    if (!cms.ok || !signer) { out.complete = false; out.missing.push(`chữ ký "${s.fieldName}" không kiểm tra được`); continue; }
    const tsaCerts = tokenCerts(cms.timestampToken);
    const chain = await buildChain(signer, {
      anchors, pool: [...cms.certs, ...dss.certs, ...(ctx.intermediates ?? []), ...tsaCerts], cacheDir: ctx.revocationCacheDir, allowLiveFetch: ctx.allowLiveFetch, at: now,
    });
    if (!chain.trusted || chain.expired.length > 0 || chain.problems.length > 0) {
      out.complete = false;
      out.missing.push(`chữ ký "${s.fieldName}": chuỗi chứng thư không hợp lệ tại thời điểm ký`);
      continue;
    }
    const entry: VriMaterial = { signatureContents: s.contents.bytes, certs: [...chain.path.map((c) => new Uint8Array(c.raw)), ...tsaCerts], crls: [], ocsps: [] };
    const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
    const sources = { dss, cms: { crls: cms.crls, ocsps: cms.ocsps }, cacheDir: ctx.revocationCacheDir, allowLiveFetch: ctx.allowLiveFetch === true };
    for (let i = 0; i + 1 < chain.path.length; i += 1) {
      const cert = chain.path[i] as X509Certificate;
      if (anchorPrints.has(cert.fingerprint256)) break;
      const answer = await checkRevocationAt(cert, chain.path[i + 1] as X509Certificate, sources, now, now);
      if (answer.status !== 'good' || !answer.evidence) {
        out.complete = false;
        out.missing.push(`chữ ký "${s.fieldName}": không có dữ liệu thu hồi cho chứng thư số số hiệu ${cert.serialNumber.toLowerCase()}`);
        continue;
      }
      (answer.evidence.kind === 'crl' ? entry.crls : entry.ocsps).push(answer.evidence.der);
    }
    out.entries.push(entry);
  }
  if (out.entries.length === 0) out.complete = false;
  return out;
}

/**
 * Make `bytes` PAdES B-LT: one incremental update with the DSS of every signature. Returns null (the file stays as
 * it is) when the material is incomplete, e.g. offline; the self-verification then warns as usual.
 */
export async function addLtv(bytes: Uint8Array, ctx: TrustContext): Promise<Uint8Array | null> {
  const material = await collectLtv(bytes, ctx);
  return material.complete ? appendDss(bytes, material.entries) : null;
}
