// Time model of ETSI EN 319 102-1 (issue 6 item 4, pdf-signing.md §6): without a proof of existence the signer's
// /M is only a claim, so a certificate that expired 35 days ago does not sign "valid" by writing an old /M; our
// own receipt ledger (a hash-chained JSONL file in main) is a proof of existence: the same bytes verified on
// receipt, before the expiry, stay valid later, judged at the receipt time and shown as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPersonal } from '../../../src/main/signing/issue-flow';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import type { TrustContext } from '../../../src/main/signing/verify/trust-check';
import { ReceiptLedger, RECEIPTS_FILE } from '../../../src/main/signing/receipt-ledger';
import { SigningService } from '../../../src/main/signing/signing-service';
import { VerifyPool } from '../../../src/main/signing/verify/verify-worker';
import { TrustStore, fingerprint, type Pin } from '../../../src/main/signing/trust-store';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import { createJobRunner } from '../../../src/main/jobs/job-runner';
import { toIso8601VN } from '../../../src/shared/util/time';
import { createTestPki, makeCrl, type TestPki } from '../../support/pki/test-pki';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';

const DAY = 86_400_000;
let pki: TestPki;
let dir: string;
let blobs: BlobStore;
let trust: TrustStore;
let backdated: Uint8Array;
/** The receipt time: 40 days ago, five days before the signer's certificate expired. */
const receiptTime = new Date(Date.now() - 40 * DAY);

function ctx(): TrustContext {
  return { anchors: [pki.root.certDer], intermediates: [pki.intermediate.certDer], revocationCacheDir: join(dir, 'cache'), allowLiveFetch: false };
}

const pool = new VerifyPool();

/** The signing service; with `worker`, verify.file runs in the verification worker, which reads the stored file. */
function service(now: Date, ledger: ReceiptLedger, worker = false): SigningService {
  return new SigningService({
    blobs, trust, jobs: createJobRunner(() => undefined), revocationCacheDir: join(dir, 'cache'), allowLiveFetch: false,
    configuredModule: () => null, now: () => now, receipts: ledger, ...(worker ? { verifier: pool } : {}),
  });
}

beforeAll(async () => {
  // Unreachable revocation addresses: only the cache (what the office fetched at receipt) can answer.
  pki = await createTestPki({ ocspUrl: 'http://127.0.0.1:9/ocsp', crlUrl: 'http://127.0.0.1:9/crl' });
  dir = mkdtempSync(join(tmpdir(), 'vanthu-time-'));
  mkdirSync(join(dir, 'cache'), { recursive: true });
  // The CRLs the office held at receipt time (issued an hour before, valid a week) and the root's current ARL.
  const window = { thisUpdate: new Date(receiptTime.getTime() - 3_600_000), nextUpdate: new Date(receiptTime.getTime() + 7 * DAY) };
  writeFileSync(join(dir, 'cache', 'at-receipt.crl'), await makeCrl(pki.intermediate, window));
  writeFileSync(join(dir, 'cache', 'root-at-receipt.crl'), await makeCrl(pki.root, window));
  writeFileSync(join(dir, 'cache', 'root.crl'), pki.rootCrlDer);
  // Signed with the certificate that expired 35 days ago, /M written one day before the receipt.
  backdated = await signPersonal(await makeDraftPdf(), softSigner(pki.expired, [pki.intermediate.certDer]), { now: new Date(receiptTime.getTime() - DAY) });
  blobs = createBlobStore({ dataDir: dir });
  await blobs.init();
  const pins: Pin[] = [
    { sha256: fingerprint(pki.root.certDer), role: 'anchor', name: 'Gốc thử nghiệm', url: '' },
    { sha256: fingerprint(pki.intermediate.certDer), role: 'intermediate', name: 'CA trung gian thử nghiệm', url: '' },
  ];
  trust = new TrustStore(join(dir, 'trust'), pins);
  trust.importCertificates(pki.root.certDer);
  trust.importCertificates(pki.intermediate.certDer);
});

afterAll(async () => {
  await pool.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('time model (ETSI EN 319 102-1)', () => {
  it('a backdated /M does not rescue an expired certificate: judged now, the time shown as claimed', async () => {
    const v = await verifyPdf(backdated, { trust: ctx() });
    expect(v.verdict).toBe('invalid');
    const s = v.signatures[0];
    expect(s?.timeSource).toBe('claimed');
    expect(s?.claimedTime).toBe(toIso8601VN(new Date(receiptTime.getTime() - DAY)).replace(/\.\d+/, ''));
    expect(s?.reasons.join('\n')).toMatch(/"CN=Lê Văn Hết Hạn" không còn hiệu lực tại thời điểm kiểm tra/);
    expect(s?.reasons.join('\n')).toMatch(/do người ký khai/);
  });

  it('a receipt record from before the expiry is a proof of existence: valid, time shown as receipt', async () => {
    const file = await blobs.put(backdated, 'application/pdf');
    const ledger = new ReceiptLedger(join(dir, 'receipts'), () => receiptTime);
    // The verification on receipt, 40 days ago: the certificate was still valid, the CRL of the day said good.
    const onReceipt = await service(receiptTime, ledger).verify({ file: file.sha256, recordReceipt: true });
    expect(onReceipt.verdict).toBe('valid');
    expect(ledger.earliest(file.sha256)?.time).toBe(receiptTime.toISOString());
    // Today: the certificate has expired, but the bytes were proven to exist at the receipt time.
    const today = await service(new Date(), ledger).verify({ file: file.sha256 });
    expect(today.verdict).toBe('valid');
    expect(today.signatures[0]?.timeSource).toBe('receipt');
    expect(today.signatures[0]?.time).toBe(toIso8601VN(receiptTime));
    expect(today.signatures[0]?.claimedTime).not.toBe(today.signatures[0]?.time);
    // The ledger without that line (another office, or a file never received): invalid again.
    const other = await service(new Date(), new ReceiptLedger(join(dir, 'receipts-other'))).verify({ file: file.sha256 });
    expect(other.verdict).toBe('invalid');
  });

  it('the same through the verification worker: it reads the stored file and hashes it once for the ranges and the receipts', async () => {
    const file = await blobs.put(backdated, 'application/pdf');
    const ledger = new ReceiptLedger(join(dir, 'receipts-worker'), () => receiptTime);
    expect((await service(receiptTime, ledger, true).verify({ file: file.sha256, recordReceipt: true })).verdict).toBe('valid');
    const today = await service(new Date(), ledger, true).verify({ file: file.sha256 });
    expect(today.verdict).toBe('valid');
    expect(today.signatures[0]?.timeSource).toBe('receipt');
    expect((await service(new Date(), new ReceiptLedger(join(dir, 'receipts-worker-other')), true).verify({ file: file.sha256 })).verdict).toBe('invalid');
  });

  it('a stored file changed on disk is refused as INTEGRITY by the worker path, as BlobStore.get refuses it', async () => {
    const copy = new Uint8Array(Buffer.concat([backdated, Buffer.from('\n')])); // stored with one more end of line
    const file = await blobs.put(copy, 'application/pdf');
    const path = await blobs.localPath!(file.sha256);
    chmodSync(path, 0o600);
    writeFileSync(path, backdated);
    const ledger = new ReceiptLedger(join(dir, 'receipts-integrity'));
    await expect(service(new Date(), ledger, true).verify({ file: file.sha256, recordReceipt: true })).rejects.toMatchObject({ code: 'INTEGRITY' });
    await expect(service(new Date(), ledger).verify({ file: file.sha256 })).rejects.toMatchObject({ code: 'INTEGRITY' });
    expect(ledger.earliest(file.sha256)).toBeNull();
  });

  it('a rewritten receipt line breaks the chain and proves nothing', async () => {
    const file = await blobs.put(backdated, 'application/pdf');
    const ledgerDir = join(dir, 'receipts-tampered');
    const ledger = new ReceiptLedger(ledgerDir, () => new Date());
    ledger.record('a'.repeat(64), 'valid');
    ledger.record(file.sha256, 'invalid');
    // Backdate the second line by hand (the attack the chain is there for).
    const path = join(ledgerDir, RECEIPTS_FILE);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = (lines[1] ?? '').replace(/"time":"[^"]+"/, `"time":"${receiptTime.toISOString()}"`);
    writeFileSync(path, lines.join('\n'));
    expect(ledger.read()).toMatchObject({ intact: false, brokenAt: 2 });
    expect(ledger.earliest(file.sha256)).toBeNull();
    expect((await service(new Date(), ledger).verify({ file: file.sha256 })).verdict).toBe('invalid');
    // A break before the last line is never papered over by the next append.
    writeFileSync(path, `${lines[1]}\n${lines[0]}\n`);
    expect(() => ledger.record('b'.repeat(64), 'valid')).toThrow(/broken at line 1/);
  });

  it('an interrupted append (torn last line) is dropped atomically before the next record', () => {
    const ledgerDir = join(dir, 'receipts-torn');
    const ledger = new ReceiptLedger(ledgerDir);
    const first = ledger.record('c'.repeat(64), 'valid');
    const path = join(ledgerDir, RECEIPTS_FILE);
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"seq":2,"sha256":"dd`);
    expect(ledger.read()).toMatchObject({ intact: false, brokenAt: 2 });
    const second = ledger.record('e'.repeat(64), 'unknown');
    expect(second).toMatchObject({ seq: 2, prev: first.hash });
    expect(ledger.read()).toMatchObject({ intact: true, records: [first, second] });
  });
});
