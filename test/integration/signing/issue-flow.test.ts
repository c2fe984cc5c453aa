// The Art. 11 flow on SoftHSM2 tokens with the test PKI, judged by our verifier, pdfsig (NSS trusting the
// test root), qpdf --check and openssl cms -verify (issue 3, "Done when").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localIsoDate } from '../../../src/shared/util/time';
import { Pkcs11TokenSession } from '../../../src/main/signing/token/pkcs11-token-session';
import { cmsSignerOf, isoDateFromText, selfVerify, signOrganization, signPersonal, signTextOnly } from '../../../src/main/signing/issue-flow';
import { fillNumberDate } from '../../../src/main/pdf/number-date-fields';
import type { CmsSigner } from '../../../src/main/pdf/pades-sign';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import type { TrustContext } from '../../../src/main/signing/verify/trust-check';
import { createSigningFixture, ORG_TOKEN, PERSONAL_TOKEN, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { makeDraftPdf } from '../../support/pki/sample-documents';
import { nssDbTrusting, opensslVerifyAll, pdfsig, qpdfCheck } from '../../support/pki/cross-check';

let fx: SigningFixture;
let session: Pkcs11TokenSession;
let dir: string;
let nss: string;
let personal: CmsSigner;
let organization: CmsSigner;
let closeSigners: Array<() => Promise<void>> = [];
const outputs: Record<string, Uint8Array> = {};

function trust(): TrustContext {
  return { anchors: [fx.pki.root.certDer], intermediates: [fx.pki.intermediate.certDer], revocationCacheDir: join(dir, 'cache'), allowLiveFetch: true };
}

beforeAll(async () => {
  fx = await createSigningFixture();
  dir = mkdtempSync(join(tmpdir(), 'vanthu-flow-'));
  nss = nssDbTrusting(join(dir, 'nss'), fx.pki.root.certDer);
  session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
  const p = await session.openSigner(PERSONAL_TOKEN, PERSONAL_TOKEN.pin, new Date());
  const o = await session.openSigner(ORG_TOKEN, ORG_TOKEN.pin, new Date());
  closeSigners = [() => p.close(), () => o.close()];
  personal = cmsSignerOf(p, [fx.pki.intermediate.certDer]);
  organization = cmsSignerOf(o, [fx.pki.intermediate.certDer]);
  const now = new Date();
  const today = localIsoDate(now);
  const draft = await makeDraftPdf({ pages: 2 });
  outputs.draft = draft;
  outputs.personal = await signPersonal(draft, personal, { now });
  outputs.numbered = await fillNumberDate(outputs.personal, '15', today);
  outputs.sealed = await signOrganization(outputs.numbered, organization, { now });
  outputs.attachment = await signTextOnly(await makeDraftPdf({ plain: true }), organization, { now, firstLine: 'Số: 15/QĐ-UBND' });
  for (const [name, bytes] of Object.entries(outputs)) writeFileSync(join(dir, `${name}.pdf`), bytes);
});

afterAll(async () => {
  for (const c of closeSigners) await c();
  await session?.close();
  await fx?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Art. 11 flow on SoftHSM2', () => {
  it('keeps every earlier version as an exact byte prefix (incremental updates only)', () => {
    const chain = [outputs.draft, outputs.personal, outputs.numbered, outputs.sealed] as Uint8Array[];
    for (let i = 1; i < chain.length; i += 1) {
      const prev = chain[i - 1] as Uint8Array;
      expect(Buffer.from((chain[i] as Uint8Array).subarray(0, prev.length)).equals(Buffer.from(prev))).toBe(true);
    }
  });

  it('our verifier: chain to the test root, CRL fetched live and cached, the number/date fill is an allowed change', async () => {
    const full = await verifyPdf(outputs.sealed as Uint8Array, { trust: trust() });
    expect(full.verdict, JSON.stringify(full, null, 1)).toBe('valid-with-allowed-changes');
    const r = await selfVerify(outputs.sealed as Uint8Array, { trust: trust() });
    expect(r.verdict).toBe('valid-with-allowed-changes');
    expect(r.signatures.map((s) => s.field)).toEqual(['KyDuyet', 'KySoCoQuan']);
    const [p, o] = r.signatures;
    expect(p?.signer).toBe('Nguyễn Văn An');
    expect(p?.verdict).toBe('valid-with-allowed-changes');
    expect(p?.allowedChanges.join(' ')).toContain('điền trường "SoKyHieu"');
    expect(o?.verdict).toBe('valid');
    expect(o?.organization ?? o?.signer).toContain('Ủy ban nhân dân xã Thử Nghiệm');
    expect(p?.chain).toBe('trusted');
    expect(p?.revocation).toBe('good');
    expect(readdirSync(join(dir, 'cache')).filter((n) => n.endsWith('.crl')).length).toBeGreaterThan(0);
    // Offline afterwards: the CRLs fetched live now come from the cache files.
    const offline = await verifyPdf(outputs.sealed as Uint8Array, { trust: { ...trust(), allowLiveFetch: false } });
    expect(offline.verdict).toBe('valid-with-allowed-changes');
    // Without cache and network the status is unknown, never valid.
    const none = await verifyPdf(outputs.sealed as Uint8Array, { trust: { anchors: [fx.pki.root.certDer], allowLiveFetch: false } });
    expect(none.verdict).toBe('unknown');
  });

  it('pdfsig: every signature valid and trusted, the last one covers the whole document', async () => {
    for (const name of ['personal', 'numbered', 'sealed', 'attachment']) {
      const sigs = await pdfsig(join(dir, `${name}.pdf`), nss);
      expect(sigs.length, name).toBeGreaterThan(0);
      for (const s of sigs) {
        expect(s.signatureValid, s.raw).toBe(true);
        expect(s.certificateTrusted, s.raw).toBe(true);
      }
      if (name !== 'numbered') expect(sigs[sigs.length - 1]?.total, name).toBe(true);
    }
  });

  it('qpdf --check accepts every output, and openssl cms -verify accepts every CMS', () => {
    for (const name of ['personal', 'numbered', 'sealed', 'attachment']) {
      const q = qpdfCheck(join(dir, `${name}.pdf`));
      expect(q.ok, q.output).toBe(true);
      for (const v of opensslVerifyAll(outputs[name] as Uint8Array, fx.pki.root.certDer, join(dir, `cms-${name}`))) expect(v.ok, v.output).toBe(true);
    }
  });

  it('refuses the organization signature on a day other than the issuing date (Art. 11.2)', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    await expect(signOrganization(outputs.numbered as Uint8Array, organization, { now: tomorrow })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Art. 11.2') });
    await expect(signOrganization(outputs.personal as Uint8Array, organization, { now: new Date() })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(isoDateFromText('Thử Nghiệm, ngày 05 tháng 02 năm 2026')).toBe('2026-02-05');
  });
});
