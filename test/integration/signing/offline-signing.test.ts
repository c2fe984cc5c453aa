// Offline signing (issue 6 item 8): with the anchors imported and no OCSP/CRL reachable (the loopback responder
// is shut down, the cache is empty), personal signing, Cấp số (fillNumber) and the seal still work on SoftHSM2
// tokens and carry the warning "chưa kiểm tra được tình trạng thu hồi"; verification says "unknown" with
// revocation "unknown" (never good); a certificate the cache knows as revoked is still refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localIsoDate } from '../../../src/shared/util/time';
import { issueAcceptance } from '../../../src/shared/domain/verification-acceptance';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import { createJobRunner } from '../../../src/main/jobs/job-runner';
import { SigningService } from '../../../src/main/signing/signing-service';
import { REVOCATION_UNCHECKED_WARNING } from '../../../src/main/signing/issue-flow';
import { TrustStore, fingerprint, type Pin } from '../../../src/main/signing/trust-store';
import { createSigningFixture, ORG_TOKEN, PERSONAL_TOKEN, REVOKED_KEY, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { createTestPki } from '../../support/pki/test-pki';
import { startTestTsa } from '../../support/pki/tsa-server';
import { failureOf } from '../../support/failure-of';

let fx: SigningFixture;
let dir: string;
let blobs: BlobStore;
let trust: TrustStore;

function service(cacheDir: string, tsaUrl?: string): SigningService {
  return new SigningService({
    blobs, trust, jobs: createJobRunner(() => undefined), revocationCacheDir: cacheDir, allowLiveFetch: true,
    configuredModule: () => fx.hsm.modulePath, now: () => new Date(), ...(tsaUrl ? { tsaUrl, archiveTimestamp: true } : {}),
  });
}

const personalKey = { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex };
const orgKey = { tokenLabel: ORG_TOKEN.tokenLabel, keyId: ORG_TOKEN.idHex };

beforeAll(async () => {
  fx = await createSigningFixture();
  dir = mkdtempSync(join(tmpdir(), 'vanthu-offline-'));
  blobs = createBlobStore({ dataDir: dir });
  await blobs.init();
  const pins: Pin[] = [
    { sha256: fingerprint(fx.pki.root.certDer), role: 'anchor', name: 'Gốc thử nghiệm', url: '' },
    { sha256: fingerprint(fx.pki.intermediate.certDer), role: 'intermediate', name: 'CA trung gian thử nghiệm', url: '' },
  ];
  trust = new TrustStore(join(dir, 'trust'), pins);
  trust.importCertificates(fx.pki.root.certDer);
  trust.importCertificates(fx.pki.intermediate.certDer);
});

afterAll(async () => {
  await fx?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('signing offline', () => {
  it('online: the same steps carry no warning (revocation checked live)', async () => {
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const signed = await service(join(dir, 'cache-online')).signPersonal({ file: draft.sha256, key: personalKey, pin: PERSONAL_TOKEN.pin });
    expect(signed.warnings).toBeUndefined();
    expect((await service(join(dir, 'cache-online')).verify({ file: signed.sha256 })).signatures[0]?.revocation).toBe('good');
  });

  it('online with a TSA: an issued attachment is PAdES B-LTA (B-T signature, DSS, then a document timestamp)', async () => {
    const tsa = await startTestTsa(fx.pki);
    try {
      const svc = service(join(dir, 'cache-online'), tsa.url);
      const file = await blobs.put(await makeDraftPdf({ plain: true }), 'application/pdf');
      const [signed] = await svc.signAttachments({ files: [file.sha256], firstLine: 'Số: 40/QĐ-UBND', key: orgKey, pin: ORG_TOKEN.pin });
      expect(signed?.warnings).toBeUndefined();
      const v = await svc.verify({ file: signed?.sha256 ?? '' });
      expect(v.verdict).toBe('valid');
      expect(v.signatures.map((s) => [s.field, s.timeSource])).toEqual([['KySoCoQuan', 'timestamp'], ['DauThoiGianTaiLieu', 'document-timestamp']]);
      expect(v.signatures[0]?.allowedChanges).toContain('thêm dữ liệu kiểm tra dài hạn (DSS)');
    } finally {
      await tsa.close();
    }
  });

  it('no OCSP/CRL reachable: sign, number and seal with the warning; verification stays unknown, never good', async () => {
    await fx.responder.close();
    const svc = service(join(dir, 'cache-empty'));
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const personal = await svc.signPersonal({ file: draft.sha256, key: personalKey, pin: PERSONAL_TOKEN.pin });
    expect(personal.warnings).toEqual([REVOCATION_UNCHECKED_WARNING]);
    const numbered = await svc.fillNumber({ file: personal.sha256, number: '41', date: localIsoDate(new Date()) });
    expect(numbered.warnings).toEqual([REVOCATION_UNCHECKED_WARNING]);
    const sealed = await svc.signOrganization({ file: numbered.sha256, key: orgKey, pin: ORG_TOKEN.pin });
    expect(sealed.warnings).toEqual([REVOCATION_UNCHECKED_WARNING]);
    const v = await svc.verify({ file: sealed.sha256 });
    expect(v.verdict).toBe('unknown');
    expect(v.signatures.map((s) => [s.chain, s.revocation, s.revocationUnchecked])).toEqual([['trusted', 'unknown', true], ['trusted', 'unknown', true]]);
    expect(v.signatures[0]?.reasons.join('\n')).toContain('không có dữ liệu thu hồi dùng được');
    expect(issueAcceptance(v)).toBe('offline');
    // Attachments (Art. 6.2b) too.
    const attachment = await blobs.put(await makeDraftPdf({ plain: true }), 'application/pdf');
    const [signedAttachment] = await svc.signAttachments({ files: [attachment.sha256], firstLine: 'Số: 41/QĐ-UBND', key: orgKey, pin: ORG_TOKEN.pin });
    expect(signedAttachment?.warnings).toEqual([REVOCATION_UNCHECKED_WARNING]);
  });

  it('offline, a certificate the cache knows as revoked is still refused (CERT_REVOKED)', async () => {
    const cache = join(dir, 'cache-revoked');
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'intermediate.crl'), fx.pki.crlDer);
    writeFileSync(join(cache, 'root.crl'), fx.pki.rootCrlDer);
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const failure = await failureOf(service(cache).signPersonal({ file: draft.sha256, key: { tokenLabel: REVOKED_KEY.tokenLabel, keyId: REVOKED_KEY.idHex }, pin: REVOKED_KEY.pin }));
    expect(failure.code).toBe('CERT_REVOKED');
  });

  it('offline under another root: refused (INTEGRITY), a missing check is never taken for a good one', async () => {
    const foreign = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
    const foreignTrust = new TrustStore(join(dir, 'trust-foreign'), [{ sha256: fingerprint(foreign.root.certDer), role: 'anchor', name: 'Gốc khác', url: '' }]);
    foreignTrust.importCertificates(foreign.root.certDer);
    const svc = new SigningService({
      blobs, trust: foreignTrust, jobs: createJobRunner(() => undefined), revocationCacheDir: join(dir, 'cache-empty'), allowLiveFetch: false,
      configuredModule: () => fx.hsm.modulePath, now: () => new Date(),
    });
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const failure = await failureOf(svc.signPersonal({ file: draft.sha256, key: personalKey, pin: PERSONAL_TOKEN.pin }));
    expect(failure.code).toBe('INTEGRITY');
    expect(failure.message).toContain('không xây dựng được chuỗi chứng thư');
  });
});
