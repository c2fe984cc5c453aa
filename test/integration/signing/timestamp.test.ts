// PAdES B-T (issue 3: "B-T where a TSA is configured"): an RFC 3161 token from the loopback test TSA over the
// signature value, judged by our verifier, pdfsig, openssl cms -verify and openssl ts -verify; a tampered token
// proves nothing; a TSA that is down, refuses or answers wrongly stops the signature with a clear error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { failureOf } from '../../support/failure-of';
import { signPersonal } from '../../../src/main/signing/issue-flow';
import { requestTimestamp, tstInfoOf } from '../../../src/main/signing/tsa/tsa-client';
import { checkCms } from '../../../src/main/signing/verify/cms-check';
import { findSignatures } from '../../../src/main/signing/verify/signature-structure';
import { parseRevisions } from '../../../src/main/pdf/parse/pdf-revisions';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import type { TrustContext } from '../../../src/main/signing/verify/trust-check';
import { toIso8601VN } from '../../../src/shared/util/time';
import { createTestPki, toPem, type TestPki } from '../../support/pki/test-pki';
import { startOcspResponder, type OcspResponder } from '../../support/pki/ocsp-responder';
import { startTestTsa, TSA_NAME, type TestTsa } from '../../support/pki/tsa-server';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { nssDbTrusting, opensslVerifyAll, pdfsig, qpdfCheck } from '../../support/pki/cross-check';

let pki: TestPki;
let responder: OcspResponder;
let tsa: TestTsa;
let dir: string;
let draft: Uint8Array;
let stamped: Uint8Array;
let before: Date;

function trust(): TrustContext {
  return { anchors: [pki.root.certDer], intermediates: [pki.intermediate.certDer], revocationCacheDir: join(dir, 'cache'), allowLiveFetch: true };
}

function stampingSigner(url = tsa.url, timeoutMs?: number) {
  return softSigner(pki.personal, [pki.intermediate.certDer], (sv) => requestTimestamp(sv, { url, ...(timeoutMs ? { timeoutMs } : {}) }));
}

function cmsOf(bytes: Uint8Array, index = 0) {
  const s = findSignatures(parseRevisions(bytes))[index];
  if (!s?.contents || !s.byteRange) throw new Error('no signature');
  return { sig: s, cms: checkCms(s.contents.bytes, bytes, s.byteRange, true) };
}

beforeAll(async () => {
  responder = await startOcspResponder();
  pki = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
  responder.use(pki);
  tsa = await startTestTsa(pki);
  dir = mkdtempSync(join(tmpdir(), 'vanthu-bt-'));
  draft = await makeDraftPdf();
  before = new Date(Date.now() - 2000);
  stamped = await signPersonal(draft, stampingSigner(), { now: new Date() });
  writeFileSync(join(dir, 'stamped.pdf'), stamped);
});

afterAll(async () => {
  await tsa?.close();
  await responder?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('PAdES B-T with the loopback TSA', () => {
  it('embeds the token as id-aa-signatureTimeStampToken over SHA-256 of the signature value', () => {
    const { cms } = cmsOf(stamped);
    expect(cms.ok, cms.problems.join('; ')).toBe(true);
    expect(cms.timestampToken).not.toBeNull();
    const { tstInfo } = tstInfoOf(cms.timestampToken as Uint8Array);
    expect(tstInfo.genTime.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(tsa.requests).toBe(1);
    expect(Buffer.from(stamped.subarray(0, draft.length)).equals(Buffer.from(draft))).toBe(true);
  });

  it('our verifier: valid, the signing time is the one the timestamp proves', async () => {
    const r = await verifyPdf(stamped, { trust: trust() });
    expect(r.verdict, JSON.stringify(r, null, 1)).toBe('valid');
    const s = r.signatures[0];
    const { tstInfo } = tstInfoOf(cmsOf(stamped).cms.timestampToken as Uint8Array);
    expect(s?.time).toBe(toIso8601VN(tstInfo.genTime));
    expect(s?.reasons.join(' ')).toContain(`dấu thời gian của "${TSA_NAME}"`);
    expect(s?.chain).toBe('trusted');
  });

  it('pdfsig accepts it (valid, trusted, total) and prints the time; qpdf and openssl cms -verify accept it', async () => {
    const nss = nssDbTrusting(join(dir, 'nss'), pki.root.certDer);
    const [sig] = await pdfsig(join(dir, 'stamped.pdf'), nss);
    expect(sig?.signatureValid, sig?.raw).toBe(true);
    expect(sig?.certificateTrusted, sig?.raw).toBe(true);
    expect(sig?.total).toBe(true);
    expect(sig?.raw).toMatch(/Signing Time: \w{3} \d{2} \d{4}/);
    expect(qpdfCheck(join(dir, 'stamped.pdf')).ok).toBe(true);
    for (const v of opensslVerifyAll(stamped, pki.root.certDer, join(dir, 'cms'))) expect(v.ok, v.output).toBe(true);
  });

  it('openssl ts -verify accepts the extracted token over the signature value', () => {
    const { cms } = cmsOf(stamped);
    const files = { token: join(dir, 'token.der'), data: join(dir, 'sigvalue.bin'), ca: join(dir, 'root.pem'), inter: join(dir, 'inter.pem') };
    writeFileSync(files.token, cms.timestampToken as Uint8Array);
    writeFileSync(files.data, cms.signatureValue as Uint8Array);
    writeFileSync(files.ca, toPem(pki.root.certDer));
    writeFileSync(files.inter, toPem(pki.intermediate.certDer));
    const ok = spawnSync('openssl', ['ts', '-verify', '-token_in', '-in', files.token, '-data', files.data, '-CAfile', files.ca, '-untrusted', files.inter], { encoding: 'utf8' });
    expect(`${ok.stdout}${ok.stderr}`).toContain('Verification: OK');
    writeFileSync(files.data, Buffer.from('chữ ký khác'));
    const bad = spawnSync('openssl', ['ts', '-verify', '-token_in', '-in', files.token, '-data', files.data, '-CAfile', files.ca, '-untrusted', files.inter], { encoding: 'utf8' });
    expect(`${bad.stdout}${bad.stderr}`).toContain('Verification: FAILED');
  });

  it('a tampered token (TSA signature changed inside /Contents) proves nothing: the signature is unknown, not valid', async () => {
    const { sig, cms } = cmsOf(stamped);
    const token = pkijs.ContentInfo.fromBER(cms.timestampToken as Uint8Array);
    const tsaSig = Buffer.from(new pkijs.SignedData({ schema: token.content }).signerInfos[0]?.signature.valueBlock.valueHexView ?? []);
    const hexAt = Buffer.from(stamped).indexOf(tsaSig.toString('hex').toUpperCase(), sig.contents?.start ?? 0, 'latin1');
    expect(hexAt).toBeGreaterThan(0);
    const tampered = new Uint8Array(stamped);
    tampered[hexAt + 10] = tampered[hexAt + 10] === 0x30 ? 0x31 : 0x30;
    // The PDF digest and the signer's CMS signature are untouched: only the timestamp is broken.
    expect(cmsOf(tampered).cms.ok).toBe(true);
    const r = await verifyPdf(tampered, { trust: trust() });
    expect(r.verdict).toBe('unknown');
    expect(r.signatures[0]?.verdict).toBe('unknown');
    expect(r.signatures[0]?.reasons.join(' ')).toContain('chữ ký của máy chủ dấu thời gian không đúng');
    const integrity = await verifyPdf(tampered, { integrityOnly: true });
    expect(integrity.verdict).not.toBe('valid');
  });

  it('a TSA certificate without the timeStamping extended key usage proves nothing (unknown)', async () => {
    const noEku = await startTestTsa(pki, { eku: false });
    try {
      const bytes = await signPersonal(draft, stampingSigner(noEku.url), { now: new Date() });
      const r = await verifyPdf(bytes, { trust: trust() });
      expect(r.verdict).toBe('unknown');
      expect(r.signatures[0]?.reasons.join(' ')).toContain('không có mục đích timeStamping');
    } finally {
      await noEku.close();
    }
  });

  it('a token for another signature is rejected by the imprint check', async () => {
    const other = await signPersonal(await makeDraftPdf({ pages: 2 }), stampingSigner(), { now: new Date() });
    const foreign = cmsOf(other).cms.timestampToken as Uint8Array;
    const { checkTimestamp } = await import('../../../src/main/signing/tsa/timestamp-check');
    const r = await checkTimestamp(foreign, cmsOf(stamped).cms.signatureValue as Uint8Array, null);
    expect(r.time).toBeNull();
    expect(r.problems.join(' ')).toContain('message imprint không khớp');
  });
});

describe('TSA failures stop the signature (nothing is produced)', () => {
  it('TSA down: TSA_UNAVAILABLE in Vietnamese', async () => {
    const down = await startTestTsa(pki);
    const url = down.url;
    await down.close();
    const err = await failureOf(signPersonal(draft, stampingSigner(url), { now: new Date() }));
    expect(err.code).toBe('TSA_UNAVAILABLE');
    expect(err.message).toContain('Không kết nối được máy chủ dấu thời gian');
  });

  it.each([
    ['reject', 'từ chối cấp dấu thời gian'],
    ['garbage', 'không đúng định dạng RFC 3161'],
    ['wrong-imprint', 'message imprint sai'],
    ['slow', 'Không kết nối được máy chủ dấu thời gian'],
  ] as const)('TSA answering "%s": TSA_UNAVAILABLE (%s)', async (mode, text) => {
    tsa.mode = mode;
    try {
      // Only the silent TSA needs a short client timeout (it never answers); the others must get their answer in,
      // so a busy machine's slow loopback reply is not mistaken for "unreachable" (issue 7).
      const err = await failureOf(signPersonal(draft, stampingSigner(tsa.url, mode === 'slow' ? 800 : 30_000), { now: new Date() }));
      expect(err.code).toBe('TSA_UNAVAILABLE');
      expect(err.message).toContain(text);
    } finally {
      tsa.mode = 'ok';
    }
  });

  it('a token too large for the /Contents reserve fails loudly', async () => {
    tsa.mode = 'bloated';
    try {
      const err = await failureOf(signPersonal(draft, stampingSigner(), { now: new Date() }));
      expect(err.code).toBe('INTERNAL');
      expect(err.message).toContain('lớn hơn chỗ dành sẵn');
    } finally {
      tsa.mode = 'ok';
    }
  });

  it('refuses a TSA address that is not http/https', async () => {
    const err = await failureOf(requestTimestamp(new Uint8Array(8), { url: 'file:///etc/passwd' }));
    expect(err.code).toBe('VALIDATION');
  });
});
