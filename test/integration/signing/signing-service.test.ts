// SigningService over the real blob store, job runner and SoftHSM2 tokens: the Art. 11 steps on stored files,
// batch attachment signing with one PIN entry (progress, cancel), verification and "xem bản đã ký".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobProgress } from '../../../src/shared/api/events';
import { localIsoDate } from '../../../src/shared/util/time';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import { createJobRunner } from '../../../src/main/jobs/job-runner';
import { SigningService } from '../../../src/main/signing/signing-service';
import { TrustStore, type Pin } from '../../../src/main/signing/trust-store';
import { fingerprint } from '../../../src/main/signing/trust-store';
import { createSigningFixture, ORG_TOKEN, PERSONAL_TOKEN, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../support/pki/sample-documents';

let fx: SigningFixture;
let dir: string;
let blobs: BlobStore;
let service: SigningService;
const progress: JobProgress[] = [];

beforeAll(async () => {
  fx = await createSigningFixture();
  dir = mkdtempSync(join(tmpdir(), 'vanthu-service-'));
  blobs = createBlobStore({ dataDir: dir });
  await blobs.init();
  // Tests pin the test PKI as the product pins the VGCA roots.
  const pins: Pin[] = [
    { sha256: fingerprint(fx.pki.root.certDer), role: 'anchor', name: 'Gốc thử nghiệm', url: '' },
    { sha256: fingerprint(fx.pki.intermediate.certDer), role: 'intermediate', name: 'CA trung gian thử nghiệm', url: '' },
  ];
  const trust = new TrustStore(join(dir, 'trust'), pins);
  trust.importCertificates(fx.pki.root.certDer);
  trust.importCertificates(fx.pki.intermediate.certDer);
  service = new SigningService({
    blobs, trust, jobs: createJobRunner((_e, p) => progress.push(p)), revocationCacheDir: join(dir, 'cache'), allowLiveFetch: true,
    configuredModule: () => fx.hsm.modulePath, now: () => new Date(),
  });
});

afterAll(async () => {
  await fx?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SigningService', () => {
  it('runs the Art. 11 steps on stored files and verifies the result', async () => {
    const tokens = await service.listTokens();
    expect(tokens.find((t) => t.label === 'bi-khoa')?.pinState).toBe('locked');
    const certs = await service.listCertificates('ca-nhan');
    expect(certs.map((c) => c.commonName)).toContain('Nguyễn Văn An');
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const personal = await service.signPersonal({ file: draft.sha256, key: { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex }, pin: PERSONAL_TOKEN.pin });
    const numbered = await service.fillNumber({ file: personal.sha256, number: '33', date: localIsoDate(new Date()) });
    const sealed = await service.signOrganization({ file: numbered.sha256, key: { tokenLabel: ORG_TOKEN.tokenLabel, keyId: ORG_TOKEN.idHex }, pin: ORG_TOKEN.pin });
    const v = await service.verify({ file: sealed.sha256 });
    expect(v.verdict).toBe('valid-with-allowed-changes');
    expect(v.signatures.map((s) => s.signer)).toEqual(['Nguyễn Văn An', 'Ủy ban nhân dân xã Thử Nghiệm']);
    // "Xem bản đã ký": the revision the personal signature covers is the personally signed file itself.
    const rev = v.signatures[0]?.revision ?? 0;
    const signedRevision = await service.signedRevision({ file: sealed.sha256, revision: rev });
    expect(signedRevision.sha256).toBe(personal.sha256);
  });

  it('signs several attachments with one PIN entry, reporting progress, and can be cancelled', async () => {
    const files = await Promise.all([1, 2, 3].map(async () => (await blobs.put(await makeDraftPdf({ plain: true }), 'application/pdf')).sha256));
    const out = await service.signAttachments({ files, firstLine: 'Số: 33/QĐ-UBND', key: { tokenLabel: ORG_TOKEN.tokenLabel, keyId: ORG_TOKEN.idHex }, pin: ORG_TOKEN.pin, jobId: 'batch-0001' });
    expect(out.length).toBe(3);
    expect(progress.filter((p) => p.jobId === 'batch-0001').pop()?.state).toBe('finished');
    for (const f of out) expect((await service.verify({ file: f.sha256 })).verdict).toBe('valid');
    const runner = createJobRunner(() => undefined);
    const cancelling = new SigningService({
      blobs, trust: new TrustStore(join(dir, 'trust-empty'), []), revocationCacheDir: join(dir, 'cache'), allowLiveFetch: false,
      configuredModule: () => fx.hsm.modulePath, now: () => new Date(),
      jobs: { run: (id, label, work) => runner.run(id, label, async (ctx) => { runner.cancel(id ?? ''); return work(ctx); }) },
    });
    await expect(cancelling.signAttachments({ files, firstLine: 'x', key: { tokenLabel: ORG_TOKEN.tokenLabel, keyId: ORG_TOKEN.idHex }, pin: ORG_TOKEN.pin, jobId: 'batch-0002' })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('refuses a wrong PIN with the PIN state and stores nothing new', async () => {
    const draft = await blobs.put(await makeDraftPdf({ pages: 2 }), 'application/pdf');
    await expect(service.signPersonal({ file: draft.sha256, key: { tokenLabel: 'ca-nhan', keyId: '01' }, pin: '999999' })).rejects.toMatchObject({ code: 'PIN_INCORRECT', details: { pinState: expect.stringMatching(/count-low|final-try/) } });
  });
});
