/**
 * Chain and revocation for one signature (standards.md §6, pdf-signing.md §6). The chain must end at a
 * configured anchor (never the OS store); intermediates come from the CMS, the document's DSS, the imported
 * intermediates and AIA downloads (chain.ts, aia.ts).
 * Revocation sources in order: the document's DSS, the CMS, the offline cache (files in main), then a live
 * fetch if allowed (answers are written to the cache). Stale or missing data gives "unknown", never "valid".
 *
 * Time (ETSI EN 319 102-1 §5.6.2, pdf-signing.md §6): everything is judged at the validation time, which is the
 * earliest proof of existence of the signature (proof-of-existence.ts) when there is one, otherwise NOW. The
 * signer's /M is only a claim: an expired certificate with a backdated /M is invalid without a proof.
 */
import type { X509Certificate } from 'node:crypto';
import { isStream, type PdfValue } from '../../pdf/parse/pdf-lexer';
import { decodeStream, type ParsedPdf } from '../../pdf/parse/pdf-revisions';
import { rethrowLimit } from '../../pdf/parse/pdf-limits';
import { RevisionView } from '../../pdf/parse/revision-view';
import type { CmsCheck } from './cms-check';
import type { FoundSignature } from './signature-structure';
import { formatDateVN, toIso8601VN } from '../../../shared/util/time';
import { checkRevocationAt, type RevocationSources, type RevocationStatus } from './revocation';
import type { ProofOfExistence, ReceiptLookup } from './proof-of-existence';
import { buildChain, toX509 } from './chain';
import { allowsSigning, certFacts } from '../cert-info';

export interface TrustContext {
  /** DER of the trust anchors (imported pinned roots, plus test roots in tests). */
  anchors: Uint8Array[];
  /** Known intermediates (the imported pinned G2 sub-CA, or a --trust directory). */
  intermediates?: Uint8Array[];
  /** Directory of the offline revocation cache (*.crl, *.ocsp DER files). */
  revocationCacheDir?: string;
  /** Fetch OCSP/CRL over the network when nothing fresh is at hand. */
  allowLiveFetch?: boolean;
  /** Wall-clock time of this verification (default: now). */
  now?: Date;
  /** Receipt ledger lookup (our own proof of existence, receipt-ledger.ts); absent = no receipts known. */
  receipts?: ReceiptLookup;
}

export interface TrustResult {
  chain: 'trusted' | 'untrusted' | 'expired';
  revocation: RevocationStatus | 'not-checked';
  /** Reasons that make the signature invalid. */
  invalid: string[];
  /** Reasons that leave it undetermined. */
  unknown: string[];
  /** Remarks that do not change the verdict (a revocation after the proven time). */
  notes: string[];
  /** The only undetermined point is missing revocation data (chain trusted, nothing invalid): issue 6 item 8. */
  revocationUnchecked: boolean;
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
      if (isStream(s)) try { into.push(decodeStream(pdf.bytes, s)); } catch (err) { rethrowLimit(err); /* unreadable entry: ignored, it cannot vouch for anything */ }
    }
  };
  read('Certs', out.certs);
  read('CRLs', out.crls);
  read('OCSPs', out.ocsps);
  return out;
}

function proofText(poe: ProofOfExistence): string {
  const by = poe.by ? ` của "${poe.by}"` : '';
  if (poe.source === 'timestamp') return `dấu thời gian${by}`;
  if (poe.source === 'document-timestamp') return `dấu thời gian tài liệu${by}`;
  return 'biên nhận khi tiếp nhận văn bản';
}

function cnOf(c: X509Certificate): string {
  return c.subject.split('\n').find((l) => l.startsWith('CN=')) ?? c.subject;
}

/**
 * Check chain and revocation of the signer certificate at the validation time: `poe.time` (the earliest proof of
 * existence) when given, otherwise now; the claimed /M never counts (ETSI EN 319 102-1 §5.6.2.1).
 */
export async function checkTrust(signerDer: Uint8Array, cms: CmsCheck, pdf: ParsedPdf, _sig: FoundSignature, ctx?: TrustContext, poe?: ProofOfExistence | null): Promise<TrustResult> {
  const result: TrustResult = { chain: 'untrusted', revocation: 'not-checked', invalid: [], unknown: [], notes: [], revocationUnchecked: false };
  const anchors = (ctx?.anchors ?? []).map(toX509).filter((c): c is X509Certificate => c !== null);
  if (anchors.length === 0) {
    result.unknown.push('chưa cấu hình chứng thư số gốc tin cậy');
    return result;
  }
  const now = ctx?.now ?? new Date();
  const at = poe?.time ?? now;
  const when = poe ? `thời điểm ${toIso8601VN(at)} (chứng thực bằng ${proofText(poe)})` : `thời điểm kiểm tra ${toIso8601VN(at)} (không có bằng chứng thời điểm ký)`;
  const dss = dssMaterial(pdf);
  const anchorPrints = new Set(anchors.map((a) => a.fingerprint256));
  const signer = toX509(signerDer);
  if (!signer) { result.invalid.push('chứng thư số người ký hỏng'); return result; }
  // ETSI EN 319 412-2 §4.3.2: a signing certificate states its key usage; without the extension it is no signer.
  const facts = (() => { try { return certFacts(signerDer); } catch { return null; } })();
  if (!facts || !allowsSigning(facts, { requireExtension: true })) result.invalid.push('chứng thư số người ký không có mục đích sử dụng khóa (key usage) digitalSignature hoặc nonRepudiation: không được chấp nhận để ký');
  const { path, trusted, expired, problems } = await buildChain(signer, {
    anchors, pool: [...cms.certs, ...dss.certs, ...(ctx?.intermediates ?? [])], cacheDir: ctx?.revocationCacheDir, allowLiveFetch: ctx?.allowLiveFetch, at,
  });
  if (!trusted) {
    result.unknown.push('không xây dựng được chuỗi chứng thư tới gốc tin cậy đã cấu hình');
    return result;
  }
  for (const c of expired) {
    result.chain = 'expired';
    result.invalid.push(`chứng thư số "${cnOf(c)}" không còn hiệu lực tại ${when}`);
  }
  if (result.chain === 'expired') return result;
  result.invalid.push(...problems);
  if (problems.length > 0) return result;
  result.chain = 'trusted';
  const sources: RevocationSources = { dss, cms: { crls: cms.crls, ocsps: cms.ocsps }, cacheDir: ctx?.revocationCacheDir, allowLiveFetch: ctx?.allowLiveFetch === true };
  let status: RevocationStatus = 'good';
  for (let i = 0; i + 1 < path.length; i += 1) {
    const cert = path[i] as X509Certificate;
    if (anchorPrints.has(cert.fingerprint256)) break;
    const serial = cert.serialNumber.toLowerCase();
    const answer = await checkRevocationAt(cert, path[i + 1] as X509Certificate, sources, at, now);
    if (answer.status === 'revoked') {
      status = 'revoked';
      const date = answer.revokedAt && answer.revokedAt.getTime() > 0 ? ` ngày ${formatDateVN(answer.revokedAt)}` : '';
      result.invalid.push(`chứng thư số số hiệu ${serial} đã bị thu hồi${date}, trước ${when}`);
    } else if (answer.status === 'unknown' && status === 'good') {
      status = 'unknown';
      result.unknown.push(`không có dữ liệu thu hồi dùng được tại ${when} cho chứng thư số số hiệu ${serial}`);
    } else if (answer.status === 'good' && answer.revokedAt) {
      result.notes.push(`chứng thư số số hiệu ${serial} bị thu hồi ngày ${formatDateVN(answer.revokedAt)}, sau ${when}: chữ ký vẫn có giá trị`);
    }
  }
  result.revocation = status;
  result.revocationUnchecked = status === 'unknown' && result.invalid.length === 0;
  return result;
}
