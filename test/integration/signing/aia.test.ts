// Intermediates from AIA (issue 3: "intermediates come from the CMS, the document's DSS or AIA"): a signature
// whose CMS omits the intermediate is unknown without live fetch, trusted once the caIssuers address is fetched,
// then trusted offline from the cache folder; what AIA serves is never an anchor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPdf } from '../../../src/main/pdf/pades-sign';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import type { TrustContext } from '../../../src/main/signing/verify/trust-check';
import { MAX_AIA_BYTES } from '../../../src/main/signing/verify/aia';
import { createTestPki, issueWithCaIssuers, toPem, type TestIdentity, type TestPki } from '../../support/pki/test-pki';
import { startOcspResponder, type OcspResponder } from '../../support/pki/ocsp-responder';
import { startAiaServer, type AiaServer } from '../../support/pki/aia-server';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';

let pki: TestPki;
let responder: OcspResponder;
let aia: AiaServer;
let signerId: TestIdentity;
let signed: Uint8Array;
let dir: string;

function ctx(cacheDir: string, allowLiveFetch: boolean): TrustContext {
  // No imported intermediate: only the pinned-style anchor is configured.
  return { anchors: [pki.root.certDer], intermediates: [], revocationCacheDir: cacheDir, allowLiveFetch };
}

async function signWith(identity: TestIdentity): Promise<Uint8Array> {
  return signPdf(await makeDraftPdf({ plain: true }), {
    fieldName: 'KyAIA', pageIndex: 0, rect: null, appearance: {}, signingTime: new Date(), name: 'AIA',
  }, softSigner(identity, []));
}

beforeAll(async () => {
  responder = await startOcspResponder();
  pki = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
  responder.use(pki);
  aia = await startAiaServer(pki.intermediate.certDer);
  signerId = await issueWithCaIssuers(pki.intermediate, aia.url, pki.crlUrl);
  signed = await signWith(signerId);
  dir = mkdtempSync(join(tmpdir(), 'vanthu-aia-'));
});

afterAll(async () => {
  await aia?.close();
  await responder?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('intermediate certificates from AIA caIssuers', () => {
  it('without live fetch and an empty cache: chain not built, verdict unknown, nothing fetched', async () => {
    const r = await verifyPdf(signed, { trust: ctx(join(dir, 'empty'), false) });
    expect(r.verdict).toBe('unknown');
    expect(r.signatures[0]?.chain).toBe('untrusted');
    expect(r.signatures[0]?.reasons.join(' ')).toContain('không xây dựng được chuỗi chứng thư');
    expect(aia.requests).toBe(0);
  });

  it('with live fetch: the intermediate is fetched and kept as a file; then offline from the cache', async () => {
    const cache = join(dir, 'cache');
    const live = await verifyPdf(signed, { trust: ctx(cache, true) });
    expect(live.verdict, JSON.stringify(live, null, 1)).toBe('valid');
    expect(live.signatures[0]?.chain).toBe('trusted');
    expect(aia.requests).toBe(1);
    expect(readdirSync(cache).filter((n) => n.startsWith('aia-') && n.endsWith('.cer'))).toHaveLength(1);

    const offline = await verifyPdf(signed, { trust: ctx(cache, false) });
    expect(offline.verdict, JSON.stringify(offline, null, 1)).toBe('valid');
    expect(offline.signatures[0]?.chain).toBe('trusted');
    expect(aia.requests).toBe(1);
  });

  it('PEM with a foreign root: fetched, but never an anchor (unknown)', async () => {
    const other = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
    const rogue = await startAiaServer(new TextEncoder().encode(toPem(other.intermediate.certDer) + toPem(other.root.certDer)));
    try {
      const id = await issueWithCaIssuers(other.intermediate, rogue.url, pki.crlUrl);
      const r = await verifyPdf(await signWith(id), { trust: ctx(join(dir, 'rogue'), true) });
      expect(rogue.requests).toBeGreaterThan(0);
      expect(r.verdict).toBe('unknown');
      expect(r.signatures[0]?.chain).toBe('untrusted');
    } finally {
      await rogue.close();
    }
  });

  it('an answer over 64 KB is refused (and not cached)', async () => {
    const big = await startAiaServer(new Uint8Array(MAX_AIA_BYTES + 1024).fill(0x41));
    try {
      const id = await issueWithCaIssuers(pki.intermediate, big.url, pki.crlUrl);
      const cache = join(dir, 'big');
      const r = await verifyPdf(await signWith(id), { trust: ctx(cache, true) });
      expect(big.requests).toBe(1);
      expect(r.verdict).toBe('unknown');
      let names: string[] = [];
      try { names = readdirSync(cache); } catch { names = []; }
      expect(names.filter((n) => n.startsWith('aia-'))).toHaveLength(0);
    } finally {
      await big.close();
    }
  });
});
