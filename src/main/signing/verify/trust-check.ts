/**
 * Chain and revocation for one signature (standards.md §6, pdf-signing.md §6). The chain must end at a
 * configured anchor (never the OS store); intermediates come from the CMS, the document's DSS, the imported
 * intermediates and AIA downloads (chain.ts, aia.ts).
 * Revocation sources in order: the document's DSS, the CMS, the offline cache (files in main), then a live
 * fetch if allowed (answers are written to the cache). Stale or missing data gives "unknown", never "valid".
 */
import type { X509Certificate } from 'node:crypto';
import { isStream, type PdfValue } from '../../pdf/parse/pdf-lexer';
import { decodeStream, type ParsedPdf } from '../../pdf/parse/pdf-revisions';
import { RevisionView } from '../../pdf/parse/revision-view';
import type { CmsCheck } from './cms-check';
import type { FoundSignature } from './signature-structure';
import { pdfDateToIso } from '../../pdf/pdf-date';
import { checkRevocation, type RevocationSources, type RevocationStatus } from './revocation';
import { buildChain, toX509 } from './chain';

export interface TrustContext {
  /** DER of the trust anchors (imported pinned roots, plus test roots in tests). */
  anchors: Uint8Array[];
  /** Known intermediates (the imported pinned G2 sub-CA, or a --trust directory). */
  intermediates?: Uint8Array[];
  /** Directory of the offline revocation cache (*.crl, *.ocsp DER files). */
  revocationCacheDir?: string;
  /** Fetch OCSP/CRL over the network when nothing fresh is at hand. */
  allowLiveFetch?: boolean;
  now?: Date;
}

export interface TrustResult {
  chain: 'trusted' | 'untrusted' | 'expired';
  revocation: RevocationStatus | 'not-checked';
  /** Reasons that make the signature invalid. */
  invalid: string[];
  /** Reasons that leave it undetermined. */
  unknown: string[];
}

/** Certificates, CRLs and OCSP responses of the document's /DSS (last revision). */
export function dssMaterial(pdf: ParsedPdf): { certs: Uint8Array[]; crls: Uint8Array[]; ocsps: Uint8Array[] } {
  const out = { certs: [] as Uint8Array[], crls: [] as Uint8Array[], ocsps: [] as Uint8Array[] };
  const last = pdf.revisions[pdf.revisions.length - 1];
  if (!last) return out;
  const view = new RevisionView(pdf, last);
  const dss = view.dict(view.catalog()?.map.get('DSS'));
  if (!dss) return out;
  const read = (key: string, into: Uint8Array[]): void => {
    const arr = view.resolve(dss.map.get(key));
    if (!Array.isArray(arr)) return;
    for (const item of arr as PdfValue[]) {
      const s = view.resolve(item);
      if (isStream(s)) try { into.push(decodeStream(pdf.bytes, s)); } catch { /* unreadable entry: ignored, it cannot vouch for anything */ }
    }
  };
  read('Certs', out.certs);
  read('CRLs', out.crls);
  read('OCSPs', out.ocsps);
  return out;
}

/**
 * Check chain and revocation of the signer certificate. `provenTime` is the time of a verified signature
 * timestamp (PAdES B-T); without it the claimed /M time is used for the validity periods.
 */
export async function checkTrust(signerDer: Uint8Array, cms: CmsCheck, pdf: ParsedPdf, sig: FoundSignature, ctx?: TrustContext, provenTime?: Date): Promise<TrustResult> {
  const result: TrustResult = { chain: 'untrusted', revocation: 'not-checked', invalid: [], unknown: [] };
  const anchors = (ctx?.anchors ?? []).map(toX509).filter((c): c is X509Certificate => c !== null);
  if (anchors.length === 0) {
    result.unknown.push('chưa cấu hình chứng thư số gốc tin cậy');
    return result;
  }
  const now = ctx?.now ?? new Date();
  const claimed = provenTime ? provenTime.toISOString() : pdfDateToIso(sig.claimedTime);
  const at = provenTime ?? (claimed ? new Date(claimed) : now);
  const dss = dssMaterial(pdf);
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  const signer = toX509(signerDer);
  if (!signer) { result.invalid.push('chứng thư số người ký hỏng'); return result; }
  const { path, trusted } = await buildChain(signer, {
    anchors, pool: [...cms.certs, ...dss.certs, ...(ctx?.intermediates ?? [])], cacheDir: ctx?.revocationCacheDir, allowLiveFetch: ctx?.allowLiveFetch,
  });
  if (!trusted) {
    result.unknown.push('không xây dựng được chuỗi chứng thư tới gốc tin cậy đã cấu hình');
    return result;
  }
  for (const c of path) {
    if (at < new Date(c.validFrom) || at > new Date(c.validTo)) {
      result.chain = 'expired';
      result.invalid.push(`chứng thư số "${c.subject.split('\n').find((l) => l.startsWith('CN=')) ?? c.subject}" không còn hiệu lực tại thời điểm ký ${claimed ?? ''}`.trim());
    }
  }
  if (result.chain === 'expired') return result;
  result.chain = 'trusted';
  const sources: RevocationSources = { dss, cms: { crls: cms.crls, ocsps: cms.ocsps }, cacheDir: ctx?.revocationCacheDir, allowLiveFetch: ctx?.allowLiveFetch === true };
  let status: RevocationStatus = 'good';
  for (let i = 0; i + 1 < path.length; i += 1) {
    const cert = path[i] as X509Certificate;
    if (anchorPrints.has(cert.fingerprint256)) break;
    const s = await checkRevocation(cert, path[i + 1] as X509Certificate, sources, now);
    if (s === 'revoked') {
      status = 'revoked';
      result.invalid.push(`chứng thư số số hiệu ${cert.serialNumber.toLowerCase()} đã bị thu hồi`);
    } else if (s === 'unknown' && status === 'good') {
      status = 'unknown';
      result.unknown.push(`không có dữ liệu thu hồi còn hiệu lực cho chứng thư số số hiệu ${cert.serialNumber.toLowerCase()}`);
    }
  }
  result.revocation = status;
  return result;
}
