// The signing channels through the real web host (HTTP → dispatch → handlers → SigningService) with SoftHSM2
// tokens and the test PKI: token listing with PIN state, the Art. 11 steps on stored files (personal signature,
// number and date, organization signature), verification, trust import, batch attachments with progress, the
// token.changed event, and a wrong PIN that answers PIN_INCORRECT with the PIN state. The PIN must appear in no
// response and no log line (house rule 11).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localIsoDate } from '../../../src/shared/util/time';
import type { EventName } from '../../../src/shared/api/events';
import { fingerprint } from '../../../src/main/signing/trust-store';
import { LOCKED_TOKEN, ORG_TOKEN, PERSONAL_TOKEN, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import type { TestWebHost } from '../../support/web-host';
import { startSigningWebHost, type SigningWebHost } from '../../support/softhsm/signing-web-host';

let fx: SigningFixture;
let host: TestWebHost;
let signingHost: SigningWebHost | undefined;
const bodies: string[] = [];
const logLines: string[] = [];
const events: { event: EventName; payload: unknown }[] = [];
const PINS = [PERSONAL_TOKEN.pin, ORG_TOKEN.pin, '987654'];

type Ok<T> = { ok: true; value: T };
type Fail = { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };

async function call<T>(channel: string, body: unknown): Promise<Ok<T> | Fail> {
  const res = await host.invoke(channel, body);
  expect(res.status).toBe(200);
  // File bytes (base64) and hashes are random-looking text where four digits may occur by chance: left out.
  bodies.push(JSON.stringify(res.body, (k, v: unknown) => (k === 'dataBase64' ? '' : v)).replace(/[0-9a-f]{64}/g, ''));
  return res.body as Ok<T> | Fail;
}

async function value<T>(channel: string, body: unknown): Promise<T> {
  const r = await call<T>(channel, body);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Polls `check` until it holds or a generous deadline (a busy machine slows the watcher, it does not stop it). */
async function until(check: () => boolean, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

async function put(bytes: Uint8Array, mediaType = 'application/pdf'): Promise<string> {
  return (await value<{ sha256: string }>('files.put', { mediaType, dataBase64: Buffer.from(bytes).toString('base64') })).sha256;
}

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack ?? ''}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  signingHost = await startSigningWebHost();
  ({ fx, host } = signingHost);
  host.hub.subscribe((event, payload) => events.push({ event, payload }));
}, 300_000);

afterAll(async () => {
  await signingHost?.dispose();
  vi.restoreAllMocks();
});

describe('signing over the web host', () => {
  it('lists the configured driver, the tokens with their PIN state and the certificates', async () => {
    const modules = await value<{ configured: string | null }>('token.modules', {});
    expect(modules.configured).toBe(fx.hsm.modulePath);
    const tokens = await value<{ label: string; pinState: string }[]>('token.list', {});
    expect(tokens.find((t) => t.label === PERSONAL_TOKEN.tokenLabel)?.pinState).toBe('ok');
    expect(tokens.find((t) => t.label === LOCKED_TOKEN.tokenLabel)?.pinState).toBe('locked');
    const certs = await value<{ commonName: string; keyId: string }[]>('token.certificates', { tokenLabel: PERSONAL_TOKEN.tokenLabel });
    expect(certs.map((c) => c.commonName)).toContain('Nguyễn Văn An');
  });

  it('imports the pinned test root, refuses a certificate whose fingerprint matches no pin', async () => {
    const refused = await call('signing.trustImport', { file: await put(fx.pki.personal.certDer, 'application/octet-stream') });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    expect(!refused.ok && refused.error.details?.fingerprint).toBe(fingerprint(fx.pki.personal.certDer));
    const root = await value<{ imported: string[] }>('signing.trustImport', { file: await put(fx.pki.root.certDer, 'application/octet-stream') });
    expect(root.imported).toEqual(['Gốc thử nghiệm']);
    const inter = await value<{ imported: string[] }>('signing.trustImport', { file: await put(fx.pki.intermediate.certDer, 'application/octet-stream') });
    expect(inter.imported).toEqual(['CA trung gian thử nghiệm']);
  });

  it('runs personal signature → number and date → organization signature and verifies the result (Art. 11.1b–d)', async () => {
    const draft = await put(await makeDraftPdf());
    expect((await value<{ verdict: string }>('verify.file', { file: draft })).verdict).toBe('unsigned');
    const personal = await value<{ sha256: string }>('signing.personal', { file: draft, key: { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex }, pin: PERSONAL_TOKEN.pin });
    const numbered = await value<{ sha256: string }>('signing.fillNumber', { file: personal.sha256, number: '15', date: localIsoDate(new Date()) });
    const sealed = await value<{ sha256: string }>('signing.organization', { file: numbered.sha256, key: { tokenLabel: ORG_TOKEN.tokenLabel, keyId: ORG_TOKEN.idHex }, pin: ORG_TOKEN.pin });
    // The original bytes stay an exact prefix of every later revision.
    const bytesOf = async (sha: string): Promise<Buffer> => Buffer.from((await value<{ dataBase64: string }>('files.get', { sha256: sha })).dataBase64, 'base64');
    const [p, n, s] = [await bytesOf(personal.sha256), await bytesOf(numbered.sha256), await bytesOf(sealed.sha256)];
    expect(n.subarray(0, p.length).equals(p)).toBe(true);
    expect(s.subarray(0, n.length).equals(n)).toBe(true);

    const v = await value<{ verdict: string; signatures: { signer: string; verdict: string; revision: number; coversWholeFile: boolean; chain: string; revocation: string }[] }>('verify.file', { file: sealed.sha256 });
    // The number/date fill after the personal signature is an allowed change (Art. 11.1c); the seal covers all.
    expect(v.verdict).toBe('valid-with-allowed-changes');
    expect(v.signatures.map((x) => x.signer)).toEqual(['Nguyễn Văn An', 'Ủy ban nhân dân xã Thử Nghiệm']);
    // The issued file is PAdES B-LT (issue 6): only the DSS increment follows the seal, an allowed change.
    expect(v.signatures[1]).toMatchObject({ verdict: 'valid', coversWholeFile: false, allowedChanges: ['thêm dữ liệu kiểm tra dài hạn (DSS)'] });
    // Chain and revocation are answered as found, never inferred by the renderer.
    expect(v.signatures.map((x) => [x.chain, x.revocation])).toEqual([
      ['trusted', 'good'],
      ['trusted', 'good'],
    ]);
    const signedRevision = await value<{ sha256: string }>('verify.signedRevision', { file: sealed.sha256, revision: v.signatures[0]?.revision ?? 0 });
    expect(signedRevision.sha256).toBe(personal.sha256);
    expect((await value<{ verdict: string }>('verify.file', { file: signedRevision.sha256 })).verdict).toBe('valid');
  }, 300_000);

  it('prepares the number and date fields where the clerk dragged them (Art. 11 step 1), as an incremental update', async () => {
    const draftBytes = await makeDraftPdf();
    const draft = await put(draftBytes);
    const placement = { number: { page: 0, x: 90, y: 700, width: 160, height: 18 }, date: { page: 0, x: 330, y: 680, width: 220, height: 18 } };
    const prepared = await value<{ sha256: string }>('signing.prepare', { file: draft, placement });
    const bytes = Buffer.from((await value<{ dataBase64: string }>('files.get', { sha256: prepared.sha256 })).dataBase64, 'base64');
    expect(bytes.subarray(0, draftBytes.length).equals(Buffer.from(draftBytes))).toBe(true);
    const { PDFDocument } = await import('@cantoo/pdf-lib');
    const form = (await PDFDocument.load(bytes)).getForm();
    const rectOf = (name: string) => form.getTextField(name).acroField.getWidgets()[0]?.getRectangle();
    expect(rectOf('SoKyHieu')).toEqual({ x: 90, y: 700, width: 160, height: 18 });
    expect(rectOf('NgayBanHanh')).toEqual({ x: 330, y: 680, width: 220, height: 18 });
    // Preparing twice is refused: the fields exist already.
    expect(await call('signing.prepare', { file: prepared.sha256 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A placement outside the page is a schema error before anything runs.
    expect(await call('signing.prepare', { file: draft, placement: { number: { page: 0, x: -5, y: 0, width: 10, height: 1 } } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  }, 300_000);

  it('signs attachments with one PIN entry and reports progress as job.progress', async () => {
    const files = [await put(await makeDraftPdf({ plain: true })), await put(await makeDraftPdf({ plain: true, pages: 2 }))];
    const out = await value<{ sha256: string }[]>('signing.attachments', { files, firstLine: 'Số: 15/QĐ-UBND', key: { tokenLabel: ORG_TOKEN.tokenLabel, keyId: ORG_TOKEN.idHex }, pin: ORG_TOKEN.pin, jobId: 'host-batch-01' });
    expect(out).toHaveLength(2);
    const progress = events.filter((e) => e.event === 'job.progress').map((e) => e.payload as { jobId: string; state: string; done: number });
    expect(progress.filter((p) => p.jobId === 'host-batch-01').pop()).toMatchObject({ state: 'finished', done: 2 });
    for (const f of out) expect((await value<{ verdict: string }>('verify.file', { file: f.sha256 })).verdict).toBe('valid');
  }, 300_000);

  it('answers a wrong PIN with PIN_INCORRECT and the PIN state, and a locked token with PIN_LOCKED', async () => {
    const draft = await put(await makeDraftPdf({ pages: 2 }));
    const wrong = await call('signing.personal', { file: draft, key: { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex }, pin: '987654' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.error.code).toBe('PIN_INCORRECT');
    expect(!wrong.ok && wrong.error.details?.pinState).toMatch(/count-low|final-try/);
    const tokens = await value<{ label: string; pinState: string }[]>('token.list', {});
    expect(tokens.find((t) => t.label === PERSONAL_TOKEN.tokenLabel)?.pinState).toMatch(/count-low|final-try/);
    const locked = await call('signing.personal', { file: draft, key: { tokenLabel: LOCKED_TOKEN.tokenLabel, keyId: LOCKED_TOKEN.idHex }, pin: LOCKED_TOKEN.pin });
    expect(!locked.ok && locked.error.code).toBe('PIN_LOCKED');
    // A right PIN afterwards still works (the count resets) and leaves the state 'ok'.
    await value('signing.personal', { file: draft, key: { tokenLabel: PERSONAL_TOKEN.tokenLabel, keyId: PERSONAL_TOKEN.idHex }, pin: PERSONAL_TOKEN.pin });
  }, 300_000);

  it('pushes token.changed when a token appears', async () => {
    await value('token.list', {});
    // The watcher's first poll records the tokens present without an event, so the new token must come after it.
    // Nothing else takes the token lock in this test: a listing that began under the lock after token.list
    // answered, and has ended, is a watcher poll, so the watcher has its baseline (waited for, not slept: issue 7).
    const lock = host.services.signing.lock;
    const run = lock.run;
    let polled = false;
    lock.run = <T>(work: () => Promise<T>): Promise<T> => {
      const done = run(work);
      done.then(() => (polled = true), () => undefined);
      return done;
    };
    try {
      await until(() => polled);
    } finally {
      lock.run = run;
    }
    fx.hsm.initToken('moi-cam', '4321');
    const seen = (): boolean => events.some((e) => e.event === 'token.changed' && (e.payload as { tokens: { label: string }[] }).tokens.some((t) => t.label === 'moi-cam'));
    await until(seen);
    expect(seen()).toBe(true);
  }, 300_000);

  it('never puts a PIN in a response or a log line', () => {
    const text = [...bodies, ...logLines, ...events.map((e) => JSON.stringify(e.payload))].join('\n');
    for (const pin of PINS) expect(text.includes(pin)).toBe(false);
  });

  it('refuses an unacceptable driver path in Cài đặt and changes nothing', async () => {
    const r = await call('settings.update', { pkcs11Module: '../libsofthsm2.so' });
    expect(!r.ok && r.error.code).toBe('VALIDATION');
    const ok = await value<{ pkcs11Module?: string | null; allowLiveRevocation?: boolean }>('settings.update', { pkcs11Module: fx.hsm.modulePath, allowLiveRevocation: true });
    expect(ok.pkcs11Module).toBe(fx.hsm.modulePath);
  });
});
