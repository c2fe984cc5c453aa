/**
 * Certification path validation to the configured anchors (never the OS store) with PKI.js
 * `CertificateChainValidationEngine` (pdf-signing.md §3.1, issue 6 item 6): path building among the candidates,
 * signatures, validity at the validation time (ETSI EN 319 102-1 §5.2.6: the proof-of-existence time or now),
 * name chaining, basicConstraints cA and keyCertSign of every issuer, certificate policies and name constraints
 * (RFC 5280 §6.1). On the path the engine returns we add what it does not enforce: pathLenConstraint
 * (RFC 5280 §4.2.1.9), no unknown critical extension on any certificate (§4.2), and no SHA-1 or MD5 signature on
 * any certificate except the pinned anchor's own (pdf-signing.md §8, generic checks).
 * Candidates: the pool the caller gives (the CMS, the document's DSS, imported intermediates), earlier AIA downloads
 * in the cache folder and, when live fetch is allowed, the AIA caIssuers of the certificate where the candidate
 * walk stops (aia.ts). Only the anchors end a path. Revocation is judged separately (revocation.ts), at the
 * validation time.
 */
import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { derView } from '../der-view';
import { cachedIssuerCerts, fetchIssuerCerts } from './aia';

export interface ChainSources {
  anchors: X509Certificate[];
  pool: Uint8Array[];
  /** Cache folder holding AIA downloads (the revocation cache folder). */
  cacheDir?: string | undefined;
  allowLiveFetch?: boolean | undefined;
  /** Validation time (default now). */
  at?: Date | undefined;
}

export interface BuiltChain {
  /** From the leaf towards the anchor; ends at an anchor when `trusted`. */
  path: X509Certificate[];
  /** A path to an anchor was found (it may still be expired or carry `problems`). */
  trusted: boolean;
  /** Certificates of the path outside their validity at the validation time. */
  expired: X509Certificate[];
  /** Vietnamese reasons that make the path unacceptable (constraints, extensions, weak algorithms). */
  problems: string[];
}

/** Parse a DER certificate, or null when it is not one. */
export function toX509(der: Uint8Array): X509Certificate | null {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch {
    return null;
  }
}

/** Extensions RFC 5280 and the ETSI certificate profiles define that we or the engine process. */
const KNOWN_EXTENSIONS = new Set([
  '2.5.29.9', '2.5.29.14', '2.5.29.15', '2.5.29.16', '2.5.29.17', '2.5.29.18', '2.5.29.19', '2.5.29.30', '2.5.29.31',
  '2.5.29.32', '2.5.29.33', '2.5.29.35', '2.5.29.36', '2.5.29.37', '2.5.29.46', '2.5.29.54',
  '1.3.6.1.5.5.7.1.1', '1.3.6.1.5.5.7.1.3', '1.3.6.1.5.5.7.1.11',
]);
/** sha1WithRSA, md5WithRSA, md2WithRSA, ecdsa-with-SHA1, dsa-with-sha1, RSA-PSS is checked by its hash below. */
const WEAK_SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'SHA-1', '1.2.840.113549.1.1.4': 'MD5', '1.2.840.113549.1.1.2': 'MD2', '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10040.4.3': 'SHA-1', '1.3.14.3.2.29': 'SHA-1',
};

function cn(c: X509Certificate): string {
  return c.subject.split('\n').find((l) => l.startsWith('CN=')) ?? c.subject;
}

function issuerIn(cur: X509Certificate, candidates: X509Certificate[]): X509Certificate | undefined {
  return candidates.find((c) => c.fingerprint256 !== cur.fingerprint256 && c.ca && cur.checkIssued(c) && cur.verify(c.publicKey));
}

/** Walk up by name and signature only to see whether AIA downloads are needed; the engine decides. */
async function collectCandidates(leaf: X509Certificate, src: ChainSources, pool: X509Certificate[]): Promise<X509Certificate[]> {
  const walk: X509Certificate[] = [leaf];
  const anchorPrints = new Set(src.anchors.map((a) => a.fingerprint256));
  for (let depth = 0; depth < 8; depth += 1) {
    const cur = walk[walk.length - 1] as X509Certificate;
    if (anchorPrints.has(cur.fingerprint256)) break;
    let issuer = issuerIn(cur, [...src.anchors, ...pool]);
    if (!issuer && src.allowLiveFetch) {
      const fetched = await fetchIssuerCerts(cur, src.cacheDir);
      pool.push(...fetched);
      issuer = issuerIn(cur, [...src.anchors, ...fetched]);
    }
    if (!issuer || walk.some((p) => p.fingerprint256 === issuer.fingerprint256)) break;
    walk.push(issuer);
  }
  return walk;
}

function pathProblems(path: X509Certificate[], parsed: pkijs.Certificate[]): string[] {
  const problems: string[] = [];
  for (const [i, cert] of parsed.entries()) {
    const name = cn(path[i] as X509Certificate);
    for (const ext of cert.extensions ?? []) {
      if (ext.critical && !KNOWN_EXTENSIONS.has(ext.extnID)) problems.push(`chứng thư số "${name}" có phần mở rộng critical không xử lý được (${ext.extnID}), RFC 5280 §4.2`);
    }
    // The anchor's self-signature is not what makes it trusted (it is pinned), so only certificates below it count.
    const isAnchor = i === parsed.length - 1;
    const weak = WEAK_SIGNATURES[cert.signatureAlgorithm.algorithmId];
    if (!isAnchor && weak) problems.push(`chứng thư số "${name}" được ký bằng ${weak} (thuật toán yếu): không chấp nhận trong chuỗi chứng thư`);
    if (i >= 1) {
      const bc = cert.extensions?.find((e) => e.extnID === '2.5.29.19')?.parsedValue as pkijs.BasicConstraints | undefined;
      const limit = typeof bc?.pathLenConstraint === 'number' ? bc.pathLenConstraint : (bc?.pathLenConstraint as { valueBlock?: { valueDec?: number } } | undefined)?.valueBlock?.valueDec;
      // RFC 5280 §4.2.1.9: the number of non-self-issued intermediate CAs that may follow this one.
      const below = Math.max(0, i - 1);
      if (typeof limit === 'number' && below > limit) problems.push(`chuỗi chứng thư vượt giới hạn độ dài đường dẫn (pathLenConstraint ${limit}) của "${name}"`);
    }
  }
  return problems;
}

const ENGINE_TEXT: Record<number, string> = {
  41: 'chứng thư số nằm ngoài phạm vi tên được phép (name constraints)', 42: 'chứng thư số thuộc phạm vi tên bị cấm (name constraints)',
  14: 'một chứng thư số trung gian không phải CA', 13: 'bên cấp CRL không phải CA',
};

/**
 * Validate the path of `leaf` to one of `src.anchors` at `src.at`. Never throws: a path that cannot be built
 * gives `trusted: false`; one that is built but breaks a rule gives `problems`.
 */
export async function buildChain(leaf: X509Certificate, src: ChainSources): Promise<BuiltChain> {
  const at = src.at ?? new Date();
  const pool = [...src.pool, ...cachedIssuerCerts(src.cacheDir)].map(toX509).filter((c): c is X509Certificate => c !== null);
  const walk = await collectCandidates(leaf, src, pool);
  const out: BuiltChain = { path: walk, trusted: false, expired: [], problems: [] };
  const anchorPrints = new Set(src.anchors.map((a) => a.fingerprint256));
  if (anchorPrints.has(leaf.fingerprint256)) return { ...out, trusted: true, expired: at < new Date(leaf.validFrom) || at > new Date(leaf.validTo) ? [leaf] : [] };
  if (!walk.some((c) => anchorPrints.has(c.fingerprint256))) return out;
  const seen = new Set<string>();
  const unique = (list: X509Certificate[]) => list.filter((c) => !seen.has(c.fingerprint256) && seen.add(c.fingerprint256));
  const anchors = unique(src.anchors);
  const others = unique(pool).filter((c) => c.fingerprint256 !== leaf.fingerprint256);
  const toPkijs = (c: X509Certificate) => pkijs.Certificate.fromBER(derView(new Uint8Array(c.raw)));
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors.map(toPkijs),
      // The engine takes the LAST certificate of `certs` as the one to validate.
      certs: [...others.map(toPkijs), toPkijs(leaf)],
      checkDate: at,
    });
    const res = await engine.verify({ passedWhenNotRevValues: true });
    if (res.result && res.certificatePath) {
      const path = res.certificatePath.map((c) => toX509(new Uint8Array(c.toSchema().toBER(false)))).filter((c): c is X509Certificate => c !== null);
      return { path, trusted: true, expired: [], problems: pathProblems(path, res.certificatePath) };
    }
    if (res.resultCode === 8) {
      out.trusted = true;
      out.expired = walk.filter((c) => at < new Date(c.validFrom) || at > new Date(c.validTo));
      if (out.expired.length === 0) out.problems.push('chuỗi chứng thư không hợp lệ tại thời điểm kiểm tra');
      return out;
    }
    if (res.resultCode === 60 || res.resultCode === 97) return out;
    out.trusted = true;
    out.problems.push(`chuỗi chứng thư không hợp lệ: ${ENGINE_TEXT[res.resultCode] ?? res.resultMessage}`);
    return out;
  } catch (cause) {
    out.trusted = true;
    out.problems.push(`chuỗi chứng thư không hợp lệ: ${cause instanceof Error ? cause.message : String(cause)}`);
    return out;
  }
}
