// Revocation at the right time (issue 6 item 5, ETSI EN 319 102-1 §5.6.2, pdf-signing.md §6): a signature
// timestamped 20 days ago (PAdES B-T from the loopback TSA with its clock set back) stays valid when its
// certificate is revoked afterwards, and is invalid when the revocation date is before the timestamp; the
// revocation date comes from the CRL entry or the OCSP revokedInfo. An answer must have been issued after the
// proven time (or cover it); an old stale one gives "unknown", never "good".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPersonal } from '../../../src/main/signing/issue-flow';
import { requestTimestamp } from '../../../src/main/signing/tsa/tsa-client';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import type { TrustContext } from '../../../src/main/signing/verify/trust-check';
import { formatDateVN, toIso8601VN } from '../../../src/shared/util/time';
import { createTestPki, issueCertificate, makeCrl, type TestIdentity, type TestPki } from '../../support/pki/test-pki';
import { ocspAnswer } from '../../support/pki/ocsp-responder';
import { startTestTsa, type TestTsa } from '../../support/pki/tsa-server';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';

const DAY = 86_400_000;
const stampTime = new Date(Math.floor((Date.now() - 20 * DAY) / 1000) * 1000);
let pki: TestPki;
let tsa: TestTsa;
let dir: string;
let draft: Uint8Array;
let serial = 0;

async function signer(name: string): Promise<TestIdentity> {
  return issueCertificate({
    subject: `CN=${name}, C=VN`, issuer: pki.intermediate, keyAlg: 'rsa', ca: false,
    notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() + 300 * DAY), crlUrl: 'http://127.0.0.1:9/crl',
  });
}

/** A cache folder holding exactly `files` (and the root's current ARL for the intermediate). */
function cache(files: Record<string, Uint8Array>): string {
  serial += 1;
  const d = join(dir, `cache-${serial}`);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'root.crl'), pki.rootCrlDer);
  for (const [name, der] of Object.entries(files)) writeFileSync(join(d, name), der);
  return d;
}

function trust(cacheDir: string): TrustContext {
  return { anchors: [pki.root.certDer], intermediates: [pki.intermediate.certDer], revocationCacheDir: cacheDir, allowLiveFetch: false };
}

async function stampedBy(id: TestIdentity): Promise<Uint8Array> {
  return signPersonal(draft, softSigner(id, [pki.intermediate.certDer], (sv) => requestTimestamp(sv, { url: tsa.url })), { now: stampTime });
}

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  tsa = await startTestTsa(pki, { clock: () => stampTime });
  dir = mkdtempSync(join(tmpdir(), 'vanthu-revtime-'));
  draft = await makeDraftPdf();
});

afterAll(async () => {
  await tsa?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('revocation judged at the proven time', () => {
  it('CRL: revoked 5 days ago, after the timestamp of 20 days ago → still valid, with the date noted', async () => {
    const id = await signer('Đặng Văn Thu Hồi Sau');
    const bytes = await stampedBy(id);
    const revokedAt = new Date(Date.now() - 5 * DAY);
    const crl = await makeCrl(pki.intermediate, { thisUpdate: new Date(Date.now() - 3_600_000), nextUpdate: new Date(Date.now() + 7 * DAY), entries: [{ serialHex: id.serialHex, revocationDate: revokedAt }] });
    const v = await verifyPdf(bytes, { trust: trust(cache({ 'now.crl': crl })) });
    const s = v.signatures[0];
    expect(s?.timeSource).toBe('timestamp');
    expect(s?.time).toBe(toIso8601VN(stampTime));
    expect(v.verdict).toBe('valid');
    expect(s?.revocation).toBe('good');
    expect(s?.reasons.join('\n')).toContain(`bị thu hồi ngày ${formatDateVN(revokedAt)}, sau thời điểm ${toIso8601VN(stampTime)}`);
    // The same file without the timestamp's proof (the signer's /M only): judged now, it is revoked.
    const unstamped = await signPersonal(draft, softSigner(id, [pki.intermediate.certDer]), { now: stampTime });
    const now = await verifyPdf(unstamped, { trust: trust(cache({ 'now.crl': crl })) });
    expect(now.verdict).toBe('invalid');
    expect(now.signatures[0]?.revocation).toBe('revoked');
  });

  it('CRL: revoked 2 days before the timestamp → invalid, with the revocation date', async () => {
    const id = await signer('Đỗ Thị Thu Hồi Trước');
    const bytes = await stampedBy(id);
    const revokedAt = new Date(stampTime.getTime() - 2 * DAY);
    const crl = await makeCrl(pki.intermediate, { thisUpdate: new Date(Date.now() - 3_600_000), nextUpdate: new Date(Date.now() + 7 * DAY), entries: [{ serialHex: id.serialHex, revocationDate: revokedAt }] });
    const v = await verifyPdf(bytes, { trust: trust(cache({ 'now.crl': crl })) });
    expect(v.verdict).toBe('invalid');
    expect(v.signatures[0]?.revocation).toBe('revoked');
    expect(v.signatures[0]?.reasons.join('\n')).toContain(`đã bị thu hồi ngày ${formatDateVN(revokedAt)}, trước thời điểm ${toIso8601VN(stampTime)}`);
  });

  it('OCSP revokedInfo: after the timestamp → valid; before → invalid', async () => {
    const later = await signer('Bùi Văn OCSP Sau');
    const earlier = await signer('Bùi Văn OCSP Trước');
    const window = { thisUpdate: new Date(Date.now() - 60_000), nextUpdate: new Date(Date.now() + DAY) };
    const okLater = await verifyPdf(await stampedBy(later), { trust: trust(cache({ 'a.ocsp': await ocspAnswer(pki.intermediate, later, { ...window, revokedAt: new Date(Date.now() - DAY) }) })) });
    expect(okLater.verdict).toBe('valid');
    expect(okLater.signatures[0]?.reasons.join('\n')).toMatch(/bị thu hồi ngày .*, sau thời điểm/);
    const badEarlier = await verifyPdf(await stampedBy(earlier), { trust: trust(cache({ 'b.ocsp': await ocspAnswer(pki.intermediate, earlier, { ...window, revokedAt: new Date(stampTime.getTime() - DAY) }) })) });
    expect(badEarlier.verdict).toBe('invalid');
    expect(badEarlier.signatures[0]?.revocation).toBe('revoked');
  });

  it('an answer issued before the proven time that does not cover it is unusable: unknown, never good', async () => {
    const id = await signer('Hoàng Văn Dữ Liệu Cũ');
    const bytes = await stampedBy(id);
    const stale = await makeCrl(pki.intermediate, { thisUpdate: new Date(stampTime.getTime() - 10 * DAY), nextUpdate: new Date(stampTime.getTime() - 3 * DAY) });
    const staleOcsp = await ocspAnswer(pki.intermediate, id, { thisUpdate: new Date(stampTime.getTime() - 5 * DAY), nextUpdate: new Date(stampTime.getTime() - 4 * DAY) });
    const v = await verifyPdf(bytes, { trust: trust(cache({ 'old.crl': stale, 'old.ocsp': staleOcsp })) });
    expect(v.verdict).toBe('unknown');
    expect(v.signatures[0]?.revocation).toBe('unknown');
    expect(v.signatures[0]?.reasons.join('\n')).toContain('không có dữ liệu thu hồi dùng được tại thời điểm');
    // A CRL of the day of the timestamp covers it: good.
    const ofTheDay = await makeCrl(pki.intermediate, { thisUpdate: new Date(stampTime.getTime() - DAY), nextUpdate: new Date(stampTime.getTime() + 6 * DAY) });
    expect((await verifyPdf(bytes, { trust: trust(cache({ 'day.crl': ofTheDay })) })).verdict).toBe('valid');
  });

  it('an answer from the future (beyond the clock skew) is refused', async () => {
    const id = await signer('Vũ Thị Tương Lai');
    const future = await makeCrl(pki.intermediate, { thisUpdate: new Date(Date.now() + DAY), nextUpdate: new Date(Date.now() + 8 * DAY) });
    const v = await verifyPdf(await stampedBy(id), { trust: trust(cache({ 'future.crl': future })) });
    expect(v.signatures[0]?.revocation).toBe('unknown');
  });
});
