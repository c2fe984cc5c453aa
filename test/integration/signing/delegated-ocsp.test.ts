// Delegated OCSP responders (RFC 6960 §4.2.2.2; pdf-signing.md §6; issue 6 item 5): an answer signed not by the
// issuing CA but by a responder certificate that CA issued for the purpose is used — only when that certificate is
// issued by the same CA, has id-kp-OCSPSigning and id-pkix-ocsp-nocheck, and is valid when the answer was produced.
// Anything less leaves the status "unknown" (never a wrong "good"), so a forged answer cannot clear a revoked signer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../src/main/signing/reflect-shim';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { signPersonal } from '../../../src/main/signing/issue-flow';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import type { TrustContext } from '../../../src/main/signing/verify/trust-check';
import { createTestPki, issueCertificate, type TestIdentity, type TestPki } from '../../support/pki/test-pki';
import { ocspAnswer } from '../../support/pki/ocsp-responder';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';

const DAY = 86_400_000;
const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
// id-pkix-ocsp-nocheck, value NULL (RFC 6960 §4.2.2.2.1).
const noCheck = (): x509.Extension => new x509.Extension('1.3.6.1.5.5.7.48.1.5', false, new Uint8Array([5, 0]));

let pki: TestPki;
let dir: string;
let draft: Uint8Array;
let serial = 0;

async function identity(name: string, opts: { issuer?: TestIdentity; extra?: x509.Extension[] } = {}): Promise<TestIdentity> {
  return issueCertificate({
    subject: `CN=${name}, C=VN`, issuer: opts.issuer ?? pki.intermediate, keyAlg: 'rsa', ca: false,
    notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() + 300 * DAY),
    ...(opts.extra ? { extra: opts.extra } : {}),
  });
}

function trustWith(answer: Uint8Array): TrustContext {
  serial += 1;
  const d = join(dir, `cache-${serial}`);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'root.crl'), pki.rootCrlDer);
  writeFileSync(join(d, 'answer.ocsp'), answer);
  return { anchors: [pki.root.certDer], intermediates: [pki.intermediate.certDer], revocationCacheDir: d, allowLiveFetch: false };
}

const window = (): { thisUpdate: Date; nextUpdate: Date } => ({ thisUpdate: new Date(Date.now() - 60_000), nextUpdate: new Date(Date.now() + DAY) });

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  dir = mkdtempSync(join(tmpdir(), 'vanthu-delegated-ocsp-'));
  draft = await makeDraftPdf();
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('delegated OCSP responder', () => {
  it('an answer "good" from a proper delegate of the issuing CA → valid; "revoked" from it → invalid', async () => {
    const responder = await identity('OCSP Ủy Quyền', { extra: [new x509.ExtendedKeyUsageExtension([OCSP_SIGNING]), noCheck()] });
    const good = await identity('Nguyễn Văn Ủy Quyền Tốt');
    const v = await verifyPdf(await signPersonal(draft, softSigner(good, [pki.intermediate.certDer]), { now: new Date() }), { trust: trustWith(await ocspAnswer(pki.intermediate, good, window(), responder)) });
    expect(v.signatures[0]?.revocation).toBe('good');
    expect(v.verdict).toBe('valid');

    const bad = await identity('Trần Thị Ủy Quyền Thu Hồi');
    const revoked = await ocspAnswer(pki.intermediate, bad, { ...window(), revokedAt: new Date(Date.now() - 10 * DAY) }, responder);
    const r = await verifyPdf(await signPersonal(draft, softSigner(bad, [pki.intermediate.certDer]), { now: new Date() }), { trust: trustWith(revoked) });
    expect(r.signatures[0]?.revocation).toBe('revoked');
    expect(r.verdict).toBe('invalid');
  });

  const improper: [string, () => Promise<TestIdentity>][] = [
    ['without id-kp-OCSPSigning', () => identity('OCSP Thiếu EKU', { extra: [noCheck()] })],
    ['without id-pkix-ocsp-nocheck', () => identity('OCSP Thiếu NoCheck', { extra: [new x509.ExtendedKeyUsageExtension([OCSP_SIGNING])] })],
    ['issued by another CA (the root, not the issuer)', () => identity('OCSP Sai Cấp', { issuer: pki.root, extra: [new x509.ExtendedKeyUsageExtension([OCSP_SIGNING]), noCheck()] })],
    ['a plain signer certificate of the same CA', () => identity('Người Ký Giả Làm OCSP')],
  ];
  for (const [what, make] of improper) {
    it(`a "good" answer from a responder ${what} is not used: unknown, never good`, async () => {
      const responder = await make();
      const id = await identity('Lê Văn Chờ Kiểm Tra');
      const v = await verifyPdf(await signPersonal(draft, softSigner(id, [pki.intermediate.certDer]), { now: new Date() }), { trust: trustWith(await ocspAnswer(pki.intermediate, id, window(), responder)) });
      expect(v.signatures[0]?.revocation).toBe('unknown');
      expect(v.verdict).toBe('unknown');
    });
  }
});
