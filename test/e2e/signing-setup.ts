/**
 * What the signing end-to-end test needs on the server side, made before the web host starts (its environment
 * must carry SOFTHSM2_CONF and VANTHU_PKCS11_MODULE): D's test PKI, the loopback OCSP/CRL responder and SoftHSM2
 * tokens (test/support/softhsm/signing-fixture.ts), an extra pin for the test root (VANTHU_EXTRA_TRUST_PINS, so the
 * administrator can import it in Cài đặt like a real root), a draft PDF and the root certificate as files.
 * Run by scripts/e2e-server.mjs through Node's type stripping; the test reads the file `signingInfoPath(port)`.
 */
// First: @peculiar/x509 (loaded by the test PKI) needs its Reflect polyfill before it is evaluated.
import '../../src/main/signing/reflect-shim';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint } from '../../src/main/signing/trust-store';
import { makeDraftPdf } from '../support/pki/sample-documents';
import { toPem } from '../support/pki/test-pki';
import { createSigningFixture } from '../support/softhsm/signing-fixture';

export interface E2eSigningInfo {
  draftPdf: string;
  rootCert: string;
  rootName: string;
}

/** Where the server writes the paths the test uses (one per port, so parallel runs do not meet). */
export function signingInfoPath(port: number): string {
  return join(tmpdir(), `vanthu-e2e-signing-${port}.json`);
}

/** Build everything; `env` goes to the web host, `dispose` removes it all. */
export async function setUpSigning(port: number): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  const fx = await createSigningFixture();
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-e2e-signing-'));
  const rootName = 'Gốc thử nghiệm (e2e)';
  const pins = [
    { sha256: fingerprint(fx.pki.root.certDer), role: 'anchor', name: rootName, url: '' },
    { sha256: fingerprint(fx.pki.intermediate.certDer), role: 'intermediate', name: 'CA trung gian thử nghiệm (e2e)', url: '' },
  ];
  writeFileSync(join(dir, 'pins.json'), JSON.stringify({ pins }));
  // The bundle holds the root and the intermediate, as an administrator would download them.
  writeFileSync(join(dir, 'goc-thu-nghiem.pem'), `${toPem(fx.pki.root.certDer)}${toPem(fx.pki.intermediate.certDer)}`);
  writeFileSync(join(dir, 'du-thao.pdf'), await makeDraftPdf());
  const info: E2eSigningInfo = { draftPdf: join(dir, 'du-thao.pdf'), rootCert: join(dir, 'goc-thu-nghiem.pem'), rootName };
  writeFileSync(signingInfoPath(port), JSON.stringify(info));
  return {
    env: {
      SOFTHSM2_CONF: fx.hsm.confPath,
      VANTHU_PKCS11_MODULE: fx.hsm.modulePath,
      VANTHU_EXTRA_TRUST_PINS: join(dir, 'pins.json'),
    },
    async dispose() {
      await fx.dispose();
      rmSync(dir, { recursive: true, force: true });
      rmSync(signingInfoPath(port), { force: true });
    },
  };
}
