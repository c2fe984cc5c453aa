/**
 * One call that sets up what the signing integration tests need: the test PKI, the loopback OCSP/CRL
 * responder, and SoftHSM2 tokens holding the keys:
 * - token "ca-nhan" (PIN 1234): personal RSA key "ky-ca-nhan" (id 01), the expired key "het-han" (id 03),
 *   the revoked key "thu-hoi" (id 04);
 * - token "co-quan" (PIN 5678): organization EC P-256 key "ky-co-quan" (id 02), CKA_ALWAYS_AUTHENTICATE set,
 *   so every signature needs a context-specific login;
 * - token "bi-khoa" (PIN 1111): a copy of the personal key, with the user PIN locked.
 */
import { createTestPki, type TestPki } from '../pki/test-pki';
import { startOcspResponder, type OcspResponder } from '../pki/ocsp-responder';
import { createSoftHsm, type SoftHsmEnv } from './softhsm';

export const PERSONAL_TOKEN = { tokenLabel: 'ca-nhan', pin: '1234', keyLabel: 'ky-ca-nhan', idHex: '01' } as const;
export const ORG_TOKEN = { tokenLabel: 'co-quan', pin: '5678', keyLabel: 'ky-co-quan', idHex: '02' } as const;
export const EXPIRED_KEY = { tokenLabel: 'ca-nhan', pin: '1234', keyLabel: 'het-han', idHex: '03' } as const;
export const LOCKED_TOKEN = { tokenLabel: 'bi-khoa', pin: '1111', keyLabel: 'ky-ca-nhan', idHex: '01' } as const;
export const REVOKED_KEY = { tokenLabel: 'ca-nhan', pin: '1234', keyLabel: 'thu-hoi', idHex: '04' } as const;

export interface SigningFixture {
  pki: TestPki;
  responder: OcspResponder;
  hsm: SoftHsmEnv;
  dispose(): Promise<void>;
}

/** Build PKI, responder and tokens in a fresh temp dir. Call dispose() in afterAll. */
export async function createSigningFixture(): Promise<SigningFixture> {
  const responder = await startOcspResponder();
  const pki = await createTestPki({ ocspUrl: responder.ocspUrl, crlUrl: responder.crlUrl });
  responder.use(pki);
  const hsm = createSoftHsm();
  hsm.initToken(PERSONAL_TOKEN.tokenLabel, PERSONAL_TOKEN.pin);
  hsm.initToken(ORG_TOKEN.tokenLabel, ORG_TOKEN.pin);
  hsm.importKey({ ...PERSONAL_TOKEN, identity: pki.personal });
  hsm.importKey({ ...EXPIRED_KEY, identity: pki.expired });
  hsm.importKey({ ...REVOKED_KEY, identity: pki.revoked });
  hsm.importKey({ ...ORG_TOKEN, identity: pki.organization, alwaysAuthenticate: true });
  hsm.initToken(LOCKED_TOKEN.tokenLabel, LOCKED_TOKEN.pin);
  hsm.importKey({ ...LOCKED_TOKEN, identity: pki.personal });
  hsm.lockUserPin(LOCKED_TOKEN.tokenLabel);
  return {
    pki,
    responder,
    hsm,
    async dispose() {
      await responder.close();
      hsm.cleanup();
    },
  };
}
