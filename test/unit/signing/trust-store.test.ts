// Trust anchors (standards.md §6): pins from assets/trust, real certificates from ../shared/trust read at run
// time (never copied into the repository), refusal of anything that matches no pin.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { fingerprint, loadPins, loadTrustDir, parseCertificates, TrustStore } from '../../../src/main/signing/trust-store';
import { createTestPki } from '../../support/pki/test-pki';

const SHARED = join(import.meta.dirname, '../../../../shared/trust');
const file = (n: string) => new Uint8Array(readFileSync(join(SHARED, n)));
let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('pins', () => {
  it('match the fingerprints of the three public certificates', () => {
    const pins = loadPins();
    expect(pins.map((p) => p.role)).toEqual(['anchor', 'anchor', 'intermediate']);
    for (const n of ['rootcag2.crt', 'cpcag2.crt', 'vnrca256.crt']) {
      const [der] = parseCertificates(file(n));
      expect(pins.map((p) => p.sha256)).toContain(fingerprint(der as Uint8Array));
    }
  });
});

describe('TrustStore import', () => {
  it('accepts the pinned PEM and DER certificates and serves them as anchors and intermediate', () => {
    dir = mkdtempSync(join(tmpdir(), 'vanthu-trust-'));
    const store = new TrustStore(dir);
    expect(store.importCertificates(file('rootcag2.crt')).map((p) => p.role)).toEqual(['anchor']);
    store.importCertificates(file('vnrca256.crt'));
    store.importCertificates(file('cpcag2.crt'));
    expect(store.anchors().length).toBe(2);
    expect(store.intermediates().length).toBe(1);
  });

  it('accepts a .p7b bundle of pinned certificates', () => {
    dir = mkdtempSync(join(tmpdir(), 'vanthu-trust-'));
    const certs = ['rootcag2.crt', 'cpcag2.crt'].map((n) => pkijs.Certificate.fromBER(parseCertificates(file(n))[0] as Uint8Array));
    const sd = new pkijs.SignedData({ version: 1, encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }), certificates: certs });
    const p7b = new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) }).toSchema().toBER(false));
    expect(new TrustStore(dir).importCertificates(p7b).length).toBe(2);
  });

  it('refuses a certificate that matches no pin and changes nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanthu-trust-'));
    const pki = await createTestPki({ ocspUrl: '', crlUrl: '' });
    const store = new TrustStore(join(dir, 'store'));
    expect(() => store.importCertificates(pki.root.certDer)).toThrow(/không khớp/);
    expect(existsSync(join(dir, 'store'))).toBe(false);
    expect(() => store.importCertificates(new TextEncoder().encode('không phải chứng thư'))).toThrow(/chứng thư số/);
    await expect(store.importFromUrl('file:///etc/passwd')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('loads a --trust directory: self-signed roots as anchors, the G2 sub-CA as intermediate', () => {
    const t = loadTrustDir(SHARED);
    expect(t.anchors.map(fingerprint).sort()).toEqual(loadPins().filter((p) => p.role === 'anchor').map((p) => p.sha256).sort());
    expect(t.intermediates.map(fingerprint)).toEqual([loadPins().find((p) => p.role === 'intermediate')?.sha256]);
    expect(readdirSync(SHARED)).toContain('README.md');
  });
});
