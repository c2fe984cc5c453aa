// The real web host wired to SoftHSM2 tokens and the test PKI: the driver through VANTHU_PKCS11_MODULE and the
// test root and intermediate as extra pins through VANTHU_EXTRA_TRUST_PINS (they still have to be imported).
// Shared by the host-signing integration suites; `dispose` undoes every change to the process environment.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTRA_PINS_ENV, MODULE_ENV } from '../../../src/main/host/signing-host';
import { fingerprint } from '../../../src/main/signing/trust-store';
import { startTestWebHost, type TestWebHost } from '../web-host';
import { createSigningFixture, type SigningFixture } from './signing-fixture';

export interface SigningWebHost {
  fx: SigningFixture;
  host: TestWebHost;
  dispose(): Promise<void>;
}

export async function startSigningWebHost(): Promise<SigningWebHost> {
  const fx = await createSigningFixture();
  const pinsDir = mkdtempSync(join(tmpdir(), 'vanthu-host-pins-'));
  const pinsFile = join(pinsDir, 'pins.json');
  writeFileSync(pinsFile, JSON.stringify({
    pins: [
      { sha256: fingerprint(fx.pki.root.certDer), role: 'anchor', name: 'Gốc thử nghiệm', url: '' },
      { sha256: fingerprint(fx.pki.intermediate.certDer), role: 'intermediate', name: 'CA trung gian thử nghiệm', url: '' },
    ],
  }));
  process.env[MODULE_ENV] = fx.hsm.modulePath;
  process.env[EXTRA_PINS_ENV] = pinsFile;
  const host = await startTestWebHost();
  return {
    fx,
    host,
    async dispose() {
      host.services.signing.stop();
      await host.stop();
      await fx.dispose();
      delete process.env[MODULE_ENV];
      delete process.env[EXTRA_PINS_ENV];
      rmSync(pinsDir, { recursive: true, force: true });
    },
  };
}
