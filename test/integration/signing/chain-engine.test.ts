// Path validation with PKI.js CertificateChainValidationEngine (issue 6 item 6, pdf-signing.md §3.1/§8): each
// case is a certificate the test CA makes on purpose, signed into a real PDF and verified in full. The hand-written
// walk before this accepted every one of them: a path longer than pathLenConstraint allows, a name outside the
// name constraints, an unknown critical extension, a SHA-1 intermediate, an end-entity used as a CA, and a signer
// certificate without key usage.
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../src/main/signing/reflect-shim';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import * as x509 from '@peculiar/x509';
import { signPersonal } from '../../../src/main/signing/issue-flow';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { createTestPki, issueCertificate, makeCrl, type IssueOptions, type TestIdentity, type TestPki } from '../../support/pki/test-pki';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';

const DAY = 86_400_000;
const validity = { notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() + 300 * DAY) };
let pki: TestPki;
let draft: Uint8Array;
let cacheDir: string;

function ca(subject: string, issuer: TestIdentity | null, extra: Partial<IssueOptions> = {}): Promise<TestIdentity> {
  return issueCertificate({ subject, issuer, keyAlg: 'rsa', ca: true, ...validity, ...extra });
}

function leaf(subject: string, issuer: TestIdentity, extra: Partial<IssueOptions> = {}): Promise<TestIdentity> {
  return issueCertificate({ subject, issuer, keyAlg: 'rsa', ca: false, ...validity, ...extra });
}

/** Sign the draft with `signer`, embed `chain`, and verify against `root` with current CRLs of every CA. */
async function verdictOf(signer: TestIdentity, chain: TestIdentity[], root: TestIdentity) {
  for (const c of [root, ...chain]) {
    writeFileSync(join(cacheDir, `${c.serialHex}.crl`), await makeCrl(c, { thisUpdate: new Date(Date.now() - 3_600_000), nextUpdate: new Date(Date.now() + 7 * DAY) }));
  }
  const bytes = await signPersonal(draft, softSigner(signer, chain.map((c) => c.certDer)), { now: new Date() });
  const v = await verifyPdf(bytes, { trust: { anchors: [root.certDer], revocationCacheDir: cacheDir, allowLiveFetch: false } });
  return { verdict: v.verdict, chain: v.signatures[0]?.chain, reasons: v.signatures[0]?.reasons.join('\n') ?? '' };
}

beforeAll(async () => {
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  draft = await makeDraftPdf();
  cacheDir = mkdtempSync(join(tmpdir(), 'vanthu-chain-'));
});

describe('certification path validation (PKI.js engine + our rules)', () => {
  it('a well-formed chain is valid (the control case)', async () => {
    const root = await ca('CN=Gốc chuỗi tốt, C=VN', null, { pathLength: null });
    const sub = await ca('CN=Trung gian chuỗi tốt, C=VN', root, { pathLength: 0 });
    const r = await verdictOf(await leaf('CN=Người ký chuỗi tốt, C=VN', sub), [sub], root);
    expect(r).toMatchObject({ verdict: 'valid', chain: 'trusted' });
  });

  it('path length: a second intermediate under a CA with pathLenConstraint 0 is refused', async () => {
    const root = await ca('CN=Gốc độ dài, C=VN', null, { pathLength: null });
    const top = await ca('CN=Trung gian giới hạn 0, C=VN', root, { pathLength: 0 });
    const below = await ca('CN=Trung gian cấp dưới, C=VN', top, { pathLength: 0 });
    const r = await verdictOf(await leaf('CN=Người ký dưới hai tầng, C=VN', below), [below, top], root);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons).toContain('vượt giới hạn độ dài đường dẫn (pathLenConstraint 0) của "CN=Trung gian giới hạn 0"');
  });

  it('name constraints: a subject in an excluded subtree is refused', async () => {
    const excluded = pkijs.RelativeDistinguishedNames.fromBER(new x509.Name('O=Đơn vị bị loại trừ, C=VN').toArrayBuffer());
    const nc = new pkijs.NameConstraints({ excludedSubtrees: [new pkijs.GeneralSubtree({ base: new pkijs.GeneralName({ type: 4, value: excluded }) })] });
    const root = await ca('CN=Gốc ràng buộc tên, C=VN', null, { pathLength: null });
    const sub = await ca('CN=Trung gian ràng buộc tên, C=VN', root, { pathLength: 0, extra: [new x509.Extension('2.5.29.30', true, nc.toSchema().toBER(false))] });
    const allowed = await verdictOf(await leaf('CN=Người ký được phép, O=Đơn vị được phép, C=VN', sub), [sub], root);
    expect(allowed.verdict).toBe('valid');
    const r = await verdictOf(await leaf('CN=Người ký bị loại, O=Đơn vị bị loại trừ, C=VN', sub), [sub], root);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons).toContain('phạm vi tên bị cấm (name constraints)');
  });

  it('an unknown critical extension on the signer certificate is refused', async () => {
    const unknown = new x509.Extension('1.3.6.1.4.1.99999.42', true, new asn1js.Null().toBER(false));
    const r = await verdictOf(await leaf('CN=Người ký có phần mở rộng lạ, C=VN', pki.intermediate, { extra: [unknown] }), [pki.intermediate], pki.root);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons).toContain('phần mở rộng critical không xử lý được (1.3.6.1.4.1.99999.42)');
  });

  it('an intermediate signed with SHA-1 is refused inside the chain', async () => {
    const root = await ca('CN=Gốc SHA-1, C=VN', null, { pathLength: null });
    const weak = await ca('CN=Trung gian ký SHA-1, C=VN', root, { pathLength: 0, signatureHash: 'SHA-1' });
    const r = await verdictOf(await leaf('CN=Người ký dưới SHA-1, C=VN', weak), [weak], root);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons).toContain('"CN=Trung gian ký SHA-1" được ký bằng SHA-1 (thuật toán yếu)');
  });

  it('an end-entity certificate used as an issuer is refused', async () => {
    const root = await ca('CN=Gốc không phải CA, C=VN', null, { pathLength: null });
    const fake = await issueCertificate({ subject: 'CN=Người ký giả làm CA, C=VN', issuer: root, keyAlg: 'rsa', ca: false, ...validity, keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign });
    const r = await verdictOf(await leaf('CN=Người ký dưới người ký, C=VN', fake), [fake], root);
    // No path exists through a certificate without cA (ETSI EN 319 102-1: NO_CERTIFICATE_CHAIN_FOUND, indeterminate).
    expect(r.verdict).toBe('unknown');
    expect(r.chain).toBe('untrusted');
    expect(r.reasons).toContain('không xây dựng được chuỗi chứng thư tới gốc tin cậy');
  });

  it('a signer certificate without key usage is not accepted as a signer', async () => {
    const r = await verdictOf(await leaf('CN=Người ký không có key usage, C=VN', pki.intermediate, { keyUsage: null }), [pki.intermediate], pki.root);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons).toContain('không có mục đích sử dụng khóa (key usage)');
  });
});
