// The pkcs11js adapter against real SoftHSM2 tokens holding keys of the test PKI (Art. 5, 6.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Pkcs11TokenSession } from '../../../src/main/signing/token/pkcs11-token-session';
import { listTokensFresh, TokenWatcher } from '../../../src/main/signing/token/token-watcher';
import { failureOf } from '../../support/failure-of';
import { createSigningFixture, EXPIRED_KEY, LOCKED_TOKEN, ORG_TOKEN, PERSONAL_TOKEN, type SigningFixture } from '../../support/softhsm/signing-fixture';
import { PERSONAL_NAME } from '../../support/pki/test-pki';

let fx: SigningFixture;
beforeAll(async () => {
  fx = await createSigningFixture();
});
afterAll(async () => {
  await fx?.dispose();
});

describe('Pkcs11TokenSession on SoftHSM2', () => {
  it('lists tokens by label and certificates with the Vietnamese subject', async () => {
    const session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
    try {
      const tokens = await session.listTokens();
      expect(tokens.map((t) => t.label).sort()).toEqual(['bi-khoa', 'ca-nhan', 'co-quan']);
      expect(tokens.find((t) => t.label === 'co-quan')?.pinState).toBe('ok');
      // Shown before the user types a PIN: the locked token says so.
      expect(tokens.find((t) => t.label === 'bi-khoa')?.pinState).toBe('locked');
      const certs = await session.listCertificates('ca-nhan');
      const personal = certs.find((c) => c.idHex === '01');
      expect(personal?.commonName).toBe(PERSONAL_NAME);
      expect(personal?.subject).toContain('Ủy ban nhân dân xã Thử Nghiệm');
      expect(personal?.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
      expect(personal?.hasPrivateKey).toBeNull(); // private objects stay hidden until login
    } finally {
      await session.close();
    }
  });

  it('signs with RSA SHA-256 and with ECDSA (DER-wrapped, context-specific login) verifiable by node:crypto', async () => {
    const session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
    try {
      const data = new TextEncoder().encode('dữ liệu cần ký');
      const rsa = await session.openSigner(PERSONAL_TOKEN, PERSONAL_TOKEN.pin, new Date());
      const rsaSig = await rsa.sign(data);
      const rsaKey = createPublicKey(fx.pki.personal.privateKey);
      expect(cryptoVerify('sha256', data, rsaKey, rsaSig)).toBe(true);
      await rsa.close();
      const ec = await session.openSigner(ORG_TOKEN, ORG_TOKEN.pin, new Date());
      // Two signatures with one PIN entry although the key demands CKA_ALWAYS_AUTHENTICATE.
      for (let i = 0; i < 2; i += 1) {
        const sig = await ec.sign(data);
        expect(sig[0]).toBe(0x30);
        expect(cryptoVerify('sha256', data, createPublicKey(fx.pki.organization.privateKey), sig)).toBe(true);
      }
      await ec.close();
    } finally {
      await session.close();
    }
  });

  it('answers a wrong PIN with PIN_INCORRECT and the tries-left state, never echoing the PIN', async () => {
    const session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
    try {
      const err = await failureOf(session.openSigner(PERSONAL_TOKEN, '9999', new Date()));
      expect(err.code).toBe('PIN_INCORRECT');
      expect(['ok', 'count-low', 'final-try']).toContain(err.details?.pinState);
      expect(JSON.stringify(err) + err.message).not.toContain('9999');
      const tokens = await session.listTokens();
      expect(tokens.find((t) => t.label === 'ca-nhan')?.pinState).toBe(err.details?.pinState);
      // A correct login afterwards still works and resets the counter.
      const signer = await session.openSigner(PERSONAL_TOKEN, PERSONAL_TOKEN.pin, new Date());
      await signer.close();
    } finally {
      await session.close();
    }
  });

  it('refuses a locked token with PIN_LOCKED, even with the right PIN', async () => {
    const session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
    try {
      const err = await failureOf(session.openSigner(LOCKED_TOKEN, LOCKED_TOKEN.pin, new Date()));
      expect(err.code).toBe('PIN_LOCKED');
      expect(err.details?.pinState).toBe('locked');
    } finally {
      await session.close();
    }
  });

  it('refuses an expired certificate, a missing token and a removed token mid-signature', async () => {
    const session = new Pkcs11TokenSession({ modulePath: fx.hsm.modulePath });
    try {
      expect((await failureOf(session.openSigner(EXPIRED_KEY, EXPIRED_KEY.pin, new Date()))).code).toBe('CERT_EXPIRED');
      expect((await failureOf(session.openSigner({ ...PERSONAL_TOKEN, tokenLabel: 'khong-co' }, '1234', new Date()))).code).toBe('TOKEN_ABSENT');
      const signer = await session.openSigner(PERSONAL_TOKEN, PERSONAL_TOKEN.pin, new Date());
      await session.close(); // the module goes away under the signer, as when the token is pulled out
      expect((await failureOf(signer.sign(new Uint8Array([1, 2, 3])))).code).toBe('TOKEN_ABSENT');
    } finally {
      await session.close();
    }
  });

  it('fails with TOKEN_ABSENT when the driver file does not exist', async () => {
    const session = new Pkcs11TokenSession({ modulePath: '/khong/co/driver.so' });
    expect((await failureOf(session.listTokens())).code).toBe('TOKEN_ABSENT');
    await session.close();
  });
});

describe('TokenWatcher on SoftHSM2', () => {
  it('reports a token inserted and removed (token.changed), not the initial state', async () => {
    const events: string[][] = [];
    const watcher = new TokenWatcher({ list: () => listTokensFresh(fx.hsm.modulePath), onChange: (t) => events.push(t.map((x) => x.label).sort()) });
    expect(await watcher.poll()).toBe(false);
    expect(await watcher.poll()).toBe(false);
    fx.hsm.initToken('moi-cam', '4321');
    expect(await watcher.poll()).toBe(true);
    execFileSync('softhsm2-util', ['--delete-token', '--token', 'moi-cam'], { env: { ...process.env, SOFTHSM2_CONF: fx.hsm.confPath }, stdio: 'pipe' });
    expect(await watcher.poll()).toBe(true);
    expect(events).toEqual([['bi-khoa', 'ca-nhan', 'co-quan', 'moi-cam'], ['bi-khoa', 'ca-nhan', 'co-quan']]);
  });
});
