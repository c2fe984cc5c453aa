// Pure parts of the token layer: driver auto-detection list, PIN state flags, signature byte formats.
import { describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign as cryptoSign, privateEncrypt, constants } from 'node:crypto';
import { candidateModules, detectModules } from '../../../src/main/signing/token/module-paths';
import { pinStateFromFlags } from '../../../src/main/signing/token/pkcs11-token-session';
import { ecdsaRawToDer, sha256DigestInfo } from '../../../src/main/signing/token/signature-format';

describe('module auto-detection', () => {
  it('lists absolute System32 paths on Windows, starting with the VGCA token drivers', () => {
    const c = candidateModules('win32', 'C:\\Windows');
    expect(c[0]?.path).toBe('C:\\Windows\\System32\\eTPKCS11.dll');
    expect(c.map((x) => x.path.split('\\').pop())).toEqual(expect.arrayContaining(['bit4xpki.dll', 'vnpt-ca_csp11.dll', 'viettel-ca_v6.dll']));
    expect(c.every((x) => /^C:\\Windows\\System32\\/.test(x.path))).toBe(true);
  });
  it('keeps only the files that exist', () => {
    const found = detectModules('linux', (p) => p === '/usr/lib/softhsm/libsofthsm2.so');
    expect(found).toEqual([{ path: '/usr/lib/softhsm/libsofthsm2.so', vendor: 'SoftHSM2 (thử nghiệm)' }]);
    expect(detectModules('linux', () => false)).toEqual([]);
  });
});

describe('PIN state from token flags', () => {
  it.each([
    [0x0, 'ok'],
    [0x10000, 'count-low'],
    [0x20000 | 0x10000, 'final-try'],
    [0x40000 | 0x20000, 'locked'],
    [0x40d, 'ok'],
  ])('flags %s → %s', (flags, state) => {
    expect(pinStateFromFlags(flags)).toBe(state);
  });
});

describe('signature formats', () => {
  it('DigestInfo + raw RSA equals a SHA-256 PKCS#1 v1.5 signature (the CKM_RSA_PKCS fallback)', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const data = Buffer.from('văn bản');
    const viaDigestInfo = privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, sha256DigestInfo(createHash('sha256').update(data).digest()));
    expect(viaDigestInfo.equals(cryptoSign('sha256', data, privateKey))).toBe(true);
    expect(() => sha256DigestInfo(new Uint8Array(20))).toThrow();
  });
  it('wraps r‖s as DER with sign padding and leading-zero trimming; refuses odd input', () => {
    const der = ecdsaRawToDer(new Uint8Array([0x00, 0x7f, 0xff, 0x01]));
    expect(Buffer.from(der).toString('hex')).toBe('300802017f020300ff01');
    expect(() => ecdsaRawToDer(new Uint8Array(3))).toThrow();
  });
});
