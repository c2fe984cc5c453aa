// PAdES B-LT (issue 6 "Beyond the anchors", ETSI EN 319 142-1 §5.4): after the Art. 11 flow signed online (both
// signatures B-T from the loopback TSA, revocation from the loopback OCSP/CRL responder), one incremental update
// adds a /DSS with the chains and the revocation answers and a /VRI per signature (uppercase SHA-1 of /Contents).
// pdfsig, qpdf --check and openssl accept the result; with the responder shut down and an empty cache our verifier
// still says valid from the DSS alone, also 30 days later (judged at the timestamp), while a B-B file is unknown then.
// B-LTA: a document timestamp (/DocTimeStamp, ETSI.RFC3161) over the B-LT file is judged too and is the proof of
// existence that keeps a B-B signature with its DSS valid a month later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signOrganization, signPersonal, signTextOnly } from '../../../src/main/signing/issue-flow';
import { fillNumberDate } from '../../../src/main/pdf/number-date-fields';
import { addLtv, collectLtv } from '../../../src/main/signing/ltv';
import { vriKey } from '../../../src/main/pdf/dss-writer';
import { addDocumentTimestamp } from '../../../src/main/pdf/pades-sign';
import { requestTimestamp } from '../../../src/main/signing/tsa/tsa-client';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { dssMaterial, type TrustContext } from '../../../src/main/signing/verify/trust-check';
import { findSignatures } from '../../../src/main/signing/verify/signature-structure';
import { parseRevisions } from '../../../src/main/pdf/parse/pdf-revisions';
import { localIsoDate } from '../../../src/shared/util/time';
import { createTestPki, type TestPki } from '../../support/pki/test-pki';
import { startOcspResponder, type OcspResponder } from '../../support/pki/ocsp-responder';
import { startTestTsa, type TestTsa } from '../../support/pki/tsa-server';
import { softSigner } from '../../support/pki/soft-signer';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { nssDbTrusting, opensslVerifyAll, pdfsig, qpdfCheck } from '../../support/pki/cross-check';

const DAY = 86_400_000;
let pki: TestPki;
let responder: OcspResponder;
let tsa: TestTsa;
let dir: string;
let sealed: Uint8Array;
let longTerm: Uint8Array;

function online(): TrustContext {
  return { anchors: [pki.root.certDer], intermediates: [pki.intermediate.certDer], revocationCacheDir: join(dir, 'cache-online'), allowLiveFetch: true };
}

/** A commune office: the anchors only, nothing cached, no network. */
function offline(now?: Date): TrustContext {
  return { anchors: [pki.root.certDer], revocationCacheDir: join(dir, `cache-offline-${Math.random().toString(16).slice(2)}`), allowLiveFetch: false, ...(now ? { now } : {}) };
}

beforeAll(async () => {
  responder = await startOcspResponder();
  pki = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
  responder.use(pki);
  tsa = await startTestTsa(pki);
  dir = mkdtempSync(join(tmpdir(), 'vanthu-ltv-'));
  const stamp = (sv: Uint8Array) => requestTimestamp(sv, { url: tsa.url });
  const now = new Date();
  const personal = await signPersonal(await makeDraftPdf(), softSigner(pki.personal, [pki.intermediate.certDer], stamp), { now });
  const numbered = await fillNumberDate(personal, '52', localIsoDate(now));
  sealed = await signOrganization(numbered, softSigner(pki.organization, [pki.intermediate.certDer], stamp), { now });
  const lt = await addLtv(sealed, online());
  if (!lt) throw new Error('B-LT material incomplete online');
  longTerm = lt;
  writeFileSync(join(dir, 'b-lt.pdf'), longTerm);
});

afterAll(async () => {
  await tsa?.close();
  await responder?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('PAdES B-LT', () => {
  it('appends one increment with a DSS: chain, revocation answers and a VRI per signature', () => {
    expect(Buffer.compare(Buffer.from(longTerm.subarray(0, sealed.length)), Buffer.from(sealed))).toBe(0);
    const pdf = parseRevisions(longTerm);
    expect(pdf.revisions.length).toBe(parseRevisions(sealed).revisions.length + 1);
    const dss = dssMaterial(pdf);
    const prints = new Set(dss.certs.map((c) => createHash('sha256').update(c).digest('hex')));
    for (const c of [pki.root, pki.intermediate, pki.personal, pki.organization]) expect(prints.has(createHash('sha256').update(c.certDer).digest('hex'))).toBe(true);
    expect(dss.crls.length + dss.ocsps.length).toBeGreaterThanOrEqual(2);
    const text = Buffer.from(longTerm.subarray(sealed.length)).toString('latin1');
    for (const s of findSignatures(pdf)) {
      const key = vriKey(s.contents?.bytes ?? new Uint8Array());
      expect(key).toBe(createHash('sha1').update(s.contents?.bytes ?? new Uint8Array()).digest('hex').toUpperCase());
      expect(text).toContain(`/${key}`);
    }
  });

  it('pdfsig, qpdf --check and openssl cms -verify accept the B-LT file', async () => {
    const nss = nssDbTrusting(join(dir, 'nss'), pki.root.certDer);
    const sigs = await pdfsig(join(dir, 'b-lt.pdf'), nss);
    expect(sigs.length).toBe(2);
    for (const s of sigs) expect(s.signatureValid).toBe(true);
    expect(qpdfCheck(join(dir, 'b-lt.pdf'))).toMatchObject({ ok: true });
    expect(opensslVerifyAll(longTerm, pki.root.certDer, join(dir, 'openssl')).every((r) => r.ok)).toBe(true);
  });

  it('verifies fully offline from the DSS (responder down, empty cache), also 30 days later at the timestamp time', async () => {
    await responder.close();
    const today = await verifyPdf(longTerm, { trust: offline() });
    expect(today.verdict).toBe('valid-with-allowed-changes');
    expect(today.signatures.map((s) => [s.chain, s.revocation, s.timeSource])).toEqual([['trusted', 'good', 'timestamp'], ['trusted', 'good', 'timestamp']]);
    expect(today.signatures[1]?.allowedChanges).toContain('thêm dữ liệu kiểm tra dài hạn (DSS)');
    // Without the DSS the same office cannot tell: unknown, never good.
    const without = await verifyPdf(sealed, { trust: offline() });
    expect(without.verdict).toBe('unknown');
    // A month later the CRL in the DSS is past its nextUpdate, but it covered the proven signing time.
    const later = await verifyPdf(longTerm, { trust: offline(new Date(Date.now() + 30 * DAY)) });
    expect(later.verdict).toBe('valid-with-allowed-changes');
  });

  it('a B-B file with a DSS is judged now: a month later its stale answers prove nothing (unknown)', async () => {
    const bb = await signTextOnly(await makeDraftPdf({ plain: true }), softSigner(pki.organization, [pki.intermediate.certDer]), { now: new Date(), firstLine: 'Số: 52/QĐ-UBND' });
    // Online collection uses the cache the first test filled (the responder is down now).
    const material = await collectLtv(bb, online());
    expect(material.complete).toBe(true);
    const lt = await addLtv(bb, online());
    expect(lt).not.toBeNull();
    expect((await verifyPdf(lt ?? bb, { trust: offline() })).verdict).toBe('valid');
    const later = await verifyPdf(lt ?? bb, { trust: offline(new Date(Date.now() + 30 * DAY)) });
    expect(later.verdict).toBe('unknown');
    expect(later.signatures[0]?.timeSource).toBe('claimed');
  });

  it('offline without any answer: no DSS is written (an incomplete one would only look like LTV)', async () => {
    const bb = await signTextOnly(await makeDraftPdf({ plain: true }), softSigner(pki.personal, [pki.intermediate.certDer]), { now: new Date(), firstLine: 'Bản sao' });
    const material = await collectLtv(bb, offline());
    expect(material.complete).toBe(false);
    expect(material.missing.join('\n')).toContain('không có dữ liệu thu hồi');
    expect(await addLtv(bb, offline())).toBeNull();
  });

  it('B-LTA: a document timestamp after the DSS is verified and proves the earlier revisions', async () => {
    const bb = await signTextOnly(await makeDraftPdf({ plain: true }), softSigner(pki.organization, [pki.intermediate.certDer]), { now: new Date(), firstLine: 'Số: 53/QĐ-UBND' });
    const lt = await addLtv(bb, online());
    if (!lt) throw new Error('B-LT material incomplete');
    const lta = await addDocumentTimestamp(lt, (signed) => requestTimestamp(signed, { url: tsa.url }));
    writeFileSync(join(dir, 'b-lta.pdf'), lta);
    expect(qpdfCheck(join(dir, 'b-lta.pdf'))).toMatchObject({ ok: true });
    const sigs = await pdfsig(join(dir, 'b-lta.pdf'), nssDbTrusting(join(dir, 'nss-lta'), pki.root.certDer));
    expect(sigs[0]?.signatureValid).toBe(true);
    const v = await verifyPdf(lta, { trust: { ...offline(), intermediates: [pki.intermediate.certDer] } });
    expect(v.verdict).toBe('valid');
    expect(v.signatures.map((s) => [s.verdict === 'invalid' ? 'invalid' : 'ok', s.timeSource])).toEqual([['ok', 'document-timestamp'], ['ok', 'document-timestamp']]);
    // A month later the DSS answers are stale for "now", but the document timestamp proves the time: still valid.
    const later = await verifyPdf(lta, { trust: { ...offline(new Date(Date.now() + 30 * DAY)), intermediates: [pki.intermediate.certDer] } });
    expect(later.verdict).toBe('valid');
    // A tampered token (one byte of the covered range changed) is invalid, and proves nothing.
    const broken = new Uint8Array(lta);
    const at = lt.length - 20;
    broken[at] = (broken[at] ?? 0) ^ 0x01;
    const bad = await verifyPdf(broken, { trust: offline() });
    expect(bad.verdict).toBe('invalid');
  });
});
