/**
 * A CmsSigner over a test identity's software key (node:crypto), for tests that exercise the CMS, timestamps
 * and chains without a token. Token signing itself is covered by the SoftHSM2 tests.
 */
import { sign } from 'node:crypto';
import type { CmsSigner } from '../../../src/main/pdf/pades-sign';
import type { TestIdentity } from './test-pki';

/** Sign with `identity`'s private key; `chain` are the intermediates to embed (may be empty). */
export function softSigner(identity: TestIdentity, chain: Uint8Array[], timestamp?: CmsSigner['timestamp']): CmsSigner {
  return {
    certDer: identity.certDer,
    chainDers: chain,
    keyAlgorithm: identity.privateKey.asymmetricKeyType === 'ec' ? 'EC' : 'RSA',
    sign: async (tbs) => new Uint8Array(sign('sha256', tbs, identity.privateKey)),
    timestamp,
  };
}
