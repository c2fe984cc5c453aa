// SigningService with a configured TSA (tsaUrl setting, PAdES B-T) on a SoftHSM2 token: the stored result is
// timestamped and self-verified; with the TSA down the call fails with TSA_UNAVAILABLE and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import { createJobRunner } from '../../../src/main/jobs/job-runner';
import { SigningService } from '../../../src/main/signing/signing-service';
import { fingerprint, TrustStore, type Pin } from '../../../src/main/signing/trust-store';
import { AppFailure } from '../../../src/shared/api/result';
import { createSigningFixture, PERSONAL_TOKEN, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { startTestTsa, TSA_NAME, type TestTsa } from '../../support/pki/tsa-server';
import { makeDraftPdf } from '../../support/pki/sample-documents';

let fx: SigningFixture;
let tsa: TestTsa;
let dir: string;
let blobs: BlobStore;
let trust: TrustStore;
let stored = 0;

function service(tsaUrl: string | null): SigningService {
  const counting = { get: blobs.get.bind(blobs), put: async (...a: Parameters<BlobStore['put']>) => { stored += 1; return blobs.put(...a); } };
  return new SigningService({
    blobs: counting, trust, jobs: createJobRunner(() => undefined), revocationCacheDir: join(dir, 'cache'), allowLiveFetch: true,
    configuredModule: () => fx.hsm.modulePath, now: () => new Date(), tsaUrl,
  });
}

beforeAll(async () => {
  fx = await createSigningFixture();
  tsa = await startTestTsa(fx.pki);
  dir = mkdtempSync(join(tmpdir(), 'vanthu-service-bt-'));
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
  await tsa?.close();
  await fx?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SigningService with tsaUrl (PAdES B-T)', () => {
  const key = { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex };

  it('timestamps the personal signature; verification shows the proven time', async () => {
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const before = tsa.requests;
    const signed = await service(tsa.url).signPersonal({ file: draft.sha256, key, pin: PERSONAL_TOKEN.pin });
    expect(tsa.requests).toBe(before + 1);
    const v = await service(tsa.url).verify({ file: signed.sha256 });
    expect(v.verdict).toBe('valid');
    expect(v.signatures[0]?.reasons.join(' ')).toContain(`dấu thời gian của "${TSA_NAME}"`);
  });

  it('without tsaUrl it stays B-B (the TSA is not asked)', async () => {
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const before = tsa.requests;
    const signed = await service(null).signPersonal({ file: draft.sha256, key, pin: PERSONAL_TOKEN.pin });
    expect(tsa.requests).toBe(before);
    const v = await service(null).verify({ file: signed.sha256 });
    expect(v.signatures[0]?.reasons.join(' ')).not.toContain('dấu thời gian');
  });

  it('TSA down: TSA_UNAVAILABLE and nothing stored', async () => {
    const down = await startTestTsa(fx.pki);
    const url = down.url;
    await down.close();
    const draft = await blobs.put(await makeDraftPdf(), 'application/pdf');
    const count = stored;
    const err = await service(url).signPersonal({ file: draft.sha256, key, pin: PERSONAL_TOKEN.pin }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).code).toBe('TSA_UNAVAILABLE');
    expect(stored).toBe(count);
  });
});
