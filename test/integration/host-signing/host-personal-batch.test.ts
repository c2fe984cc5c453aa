// Ký duyệt nhiều văn bản (Art. 11.1b, issue 3 "batch") through the real web host with SoftHSM2 and the test PKI:
// several drafts signed personally with ONE token login, each verified, `job.progress` seen; a wrong PIN signs
// and stores nothing; a cancel mid-batch keeps what was signed (returned in the CANCELLED details, stored, valid)
// and stores nothing for the rest.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, JobProgress } from '../../../src/shared/api/events';
import { Pkcs11TokenSession } from '../../../src/main/signing/token/pkcs11-token-session';
import { PERSONAL_TOKEN, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import type { TestWebHost } from '../../support/web-host';
import { startSigningWebHost, type SigningWebHost } from '../../support/softhsm/signing-web-host';

let fx: SigningFixture;
let host: TestWebHost;
let signingHost: SigningWebHost | undefined;
const events: { event: EventName; payload: unknown }[] = [];
const KEY = { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex };

type Stored = { sha256: string; size: number };
type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

async function call<T>(channel: string, body: unknown): Promise<Answer<T>> {
  const res = await host.invoke(channel, body);
  expect(res.status).toBe(200);
  return res.body as Answer<T>;
}

async function value<T>(channel: string, body: unknown): Promise<T> {
  const r = await call<T>(channel, body);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function putDrafts(n: number, from: number): Promise<string[]> {
  const out: string[] = [];
  // Different page counts make different files (the request refuses the same draft twice); each test uses its own
  // counts, since the same draft signed within the same second gives the same bytes, already in the store.
  for (let i = 0; i < n; i += 1) {
    const bytes = await makeDraftPdf({ pages: from + i });
    out.push((await value<Stored>('files.put', { mediaType: 'application/pdf', dataBase64: Buffer.from(bytes).toString('base64') })).sha256);
  }
  return out;
}

/** Every blob in main's content-addressed store (names are the SHA-256). */
function storedBlobs(): Set<string> {
  const root = join(host.dataDir, 'blobs', 'objects');
  const out = new Set<string>();
  for (const dir of readdirSync(root)) for (const name of readdirSync(join(root, dir))) if (/^[0-9a-f]{64}$/.test(name)) out.add(name);
  return out;
}

const progressOf = (jobId: string): JobProgress[] => events.filter((e) => e.event === 'job.progress').map((e) => e.payload as JobProgress).filter((p) => p.jobId === jobId);

beforeAll(async () => {
  signingHost = await startSigningWebHost();
  ({ fx, host } = signingHost);
  host.hub.subscribe((event, payload) => events.push({ event, payload }));
  for (const der of [fx.pki.root.certDer, fx.pki.intermediate.certDer]) {
    const cert = await value<Stored>('files.put', { mediaType: 'application/octet-stream', dataBase64: Buffer.from(der).toString('base64') });
    await value('signing.trustImport', { file: cert.sha256 });
  }
}, 300_000);

afterAll(async () => {
  await signingHost?.dispose();
  vi.restoreAllMocks();
});

describe('signing.personalBatch over the web host (Art. 11.1b, one PIN entry)', () => {
  it('signs and stores nothing with a wrong PIN', async () => {
    const files = await putDrafts(2, 10);
    const before = storedBlobs();
    const wrong = await call('signing.personalBatch', { files, key: KEY, pin: '987654', jobId: 'batch-wrong-pin' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.error.code).toBe('PIN_INCORRECT');
    expect(!wrong.ok && wrong.error.details?.signed).toBeUndefined();
    expect(storedBlobs()).toEqual(before);
    expect(progressOf('batch-wrong-pin').some((p) => p.done > 0)).toBe(false);
  }, 300_000);

  it('refuses the same draft twice before logging in', async () => {
    const [file] = await putDrafts(1, 5);
    const r = await call('signing.personalBatch', { files: [file, file], key: KEY, pin: PERSONAL_TOKEN.pin });
    expect(!r.ok && r.error.code).toBe('VALIDATION');
  });

  it('signs two drafts with one login; both verify; progress reaches 2/2', async () => {
    const login = vi.spyOn(Pkcs11TokenSession.prototype, 'openSigner');
    const files = await putDrafts(2, 1);
    const out = await value<Stored[]>('signing.personalBatch', { files, key: KEY, pin: PERSONAL_TOKEN.pin, jobId: 'batch-two-drafts' });
    expect(login).toHaveBeenCalledTimes(1);
    login.mockRestore();
    expect(out).toHaveLength(2);
    expect(new Set(out.map((f) => f.sha256)).size).toBe(2);
    for (const f of out) {
      const v = await value<{ verdict: string; signatures: { signer: string; certification: number | null }[] }>('verify.file', { file: f.sha256 });
      expect(v.verdict).toBe('valid');
      // A personal approval signature, never a certification (Art. 11.1b).
      expect(v.signatures).toMatchObject([{ signer: 'Nguyễn Văn An', certification: null }]);
    }
    const progress = progressOf('batch-two-drafts');
    expect(progress.at(-1)).toMatchObject({ state: 'finished', done: 2, total: 2 });
  }, 300_000);

  it('a cancel mid-batch keeps what was signed and stores nothing for the rest', async () => {
    const files = await putDrafts(4, 6);
    const before = storedBlobs();
    const jobId = 'batch-cancel-mid';
    let cancel: Promise<unknown> | null = null;
    const stop = host.hub.subscribe((event, payload) => {
      const p = payload as JobProgress;
      if (event === 'job.progress' && p.jobId === jobId && p.done >= 1 && cancel === null) cancel = host.invoke('jobs.cancel', { jobId });
    });
    const r = await call<Stored[]>('signing.personalBatch', { files, key: KEY, pin: PERSONAL_TOKEN.pin, jobId });
    stop();
    expect(cancel).not.toBeNull();
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CANCELLED');
    const signed = r.error.details?.signed as Stored[];
    expect(r.error.details?.total).toBe(4);
    expect(signed.length).toBeGreaterThanOrEqual(1);
    expect(signed.length).toBeLessThan(4);
    // Exactly the signed files were added to the store: nothing for the drafts after the cancel.
    const added = [...storedBlobs()].filter((s) => !before.has(s));
    expect(added.sort()).toEqual(signed.map((s) => s.sha256).sort());
    for (const f of signed) expect((await value<{ verdict: string }>('verify.file', { file: f.sha256 })).verdict).toBe('valid');
    expect(progressOf(jobId).at(-1)?.state).toBe('cancelled');
  }, 300_000);
});
