/**
 * Intermediates from a certificate's Authority Information Access (caIssuers, RFC 5280 §4.2.2.1), used only
 * when the chain cannot be built from the CMS, the document's DSS and the imported intermediates. A download is
 * http/https only, at most 64 KB, within 5 s, DER, PEM or PKCS#7 certs-only; it is kept as a file in the
 * revocation cache folder (`aia-<sha256>.cer`) so an offline commune office can verify later. Nothing from
 * here is ever an anchor: the caller still has to reach a pinned anchor.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import '../cert-info';
import { isSafeExternalUrl } from '../../util/safe-path';
import { writeFileAtomic } from '../atomic-file';
import { parseCertificates } from '../trust-store';
import { readBounded } from '../tsa/bounded-fetch';

export const MAX_AIA_BYTES = 64 * 1024;
export const AIA_TIMEOUT_MS = 5000;
const PREFIX = 'aia-';

/** Issuer certificates kept by earlier AIA downloads in `dir` (unreadable files are skipped). */
export function cachedIssuerCerts(dir: string | undefined): Uint8Array[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: Uint8Array[] = [];
  for (const n of names) {
    if (!n.startsWith(PREFIX) || !n.endsWith('.cer')) continue;
    try {
      out.push(new Uint8Array(readFileSync(join(dir, n))));
    } catch {
      // a file being replaced or removed: skipped
    }
  }
  return out;
}

/** The caIssuers URLs of `cert` that are plain http/https addresses. */
export function caIssuerUrls(cert: X509Certificate): URL[] {
  try {
    const aia = new x509.X509Certificate(cert.raw).getExtension(x509.AuthorityInfoAccessExtension);
    return (aia?.caIssuers ?? []).flatMap((g) => (g.type === 'url' ? [isSafeExternalUrl(g.value)] : [])).filter((u): u is URL => u !== false);
  } catch {
    return [];
  }
}

/**
 * Download the issuer of `cert` from its AIA and keep every certificate that really issued it (name and
 * signature checked) in `cacheDir`. Network and format failures give an empty answer: the chain then stays
 * unbuilt and the verdict "unknown".
 */
export async function fetchIssuerCerts(cert: X509Certificate, cacheDir: string | undefined, fetcher: typeof fetch = fetch): Promise<X509Certificate[]> {
  const found: X509Certificate[] = [];
  for (const url of caIssuerUrls(cert).slice(0, 2)) {
    try {
      const res = await fetcher(url, { signal: AbortSignal.timeout(AIA_TIMEOUT_MS) });
      if (!res.ok) continue;
      for (const der of parseCertificates(await readBounded(res, MAX_AIA_BYTES))) {
        const c = new X509Certificate(Buffer.from(der));
        if (!c.ca || !cert.checkIssued(c) || !cert.verify(c.publicKey)) continue;
        found.push(c);
        if (cacheDir) {
          mkdirSync(cacheDir, { recursive: true });
          writeFileAtomic(join(cacheDir, `${PREFIX}${createHash('sha256').update(der).digest('hex')}.cer`), der);
        }
      }
      if (found.length > 0) break;
    } catch {
      // unreachable, too slow, too large or not certificates: try the next address
    }
  }
  return found;
}
