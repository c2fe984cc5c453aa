/**
 * Certification path building to the configured anchors (never the OS store). Intermediates come from the
 * pool the caller gives (the CMS, the document's DSS, imported intermediates), then from earlier AIA downloads
 * in the cache folder, then, when live fetch is allowed, from the AIA caIssuers address of the certificate where
 * the path stops (aia.ts). Only the anchors end a path.
 */
import { X509Certificate } from 'node:crypto';
import { cachedIssuerCerts, fetchIssuerCerts } from './aia';

export interface ChainSources {
  anchors: X509Certificate[];
  pool: Uint8Array[];
  /** Cache folder holding AIA downloads (the revocation cache folder). */
  cacheDir?: string | undefined;
  allowLiveFetch?: boolean | undefined;
}

export interface BuiltChain {
  /** From the leaf towards the anchor; ends at an anchor when `trusted`. */
  path: X509Certificate[];
  trusted: boolean;
}

/** Parse a DER certificate, or null when it is not one. */
export function toX509(der: Uint8Array): X509Certificate | null {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch {
    return null;
  }
}

function issuerIn(cur: X509Certificate, candidates: X509Certificate[]): X509Certificate | undefined {
  return candidates.find((c) => c.fingerprint256 !== cur.fingerprint256 && c.ca && cur.checkIssued(c) && cur.verify(c.publicKey));
}

/** Build the path of `leaf` to one of `src.anchors`. */
export async function buildChain(leaf: X509Certificate, src: ChainSources): Promise<BuiltChain> {
  const anchorPrints = new Set(src.anchors.map((a) => a.fingerprint256));
  const pool = [...src.pool, ...cachedIssuerCerts(src.cacheDir)].map(toX509).filter((c): c is X509Certificate => c !== null);
  const path: X509Certificate[] = [leaf];
  let trusted = anchorPrints.has(leaf.fingerprint256);
  for (let depth = 0; depth < 8 && !trusted; depth += 1) {
    const cur = path[path.length - 1] as X509Certificate;
    let issuer = issuerIn(cur, [...src.anchors, ...pool]);
    if (!issuer && src.allowLiveFetch) {
      const fetched = await fetchIssuerCerts(cur, src.cacheDir);
      pool.push(...fetched);
      issuer = issuerIn(cur, [...src.anchors, ...fetched]);
    }
    if (!issuer || path.some((p) => p.fingerprint256 === issuer.fingerprint256)) break;
    path.push(issuer);
    trusted = anchorPrints.has(issuer.fingerprint256);
  }
  return { path, trusted };
}
