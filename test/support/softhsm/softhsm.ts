/**
 * SoftHSM2 tokens for tests: a per-run temp directory with its own softhsm2.conf (SOFTHSM2_CONF), tokens made
 * with `softhsm2-util --init-token`, and keys plus certificates written with pkcs11js C_CreateObject from the
 * test PKI. Nothing under /etc and nothing in the repository (pdf-signing.md §5).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as Pkcs11Types from 'pkcs11js';
import type { TestIdentity } from '../pki/test-pki';

const require = createRequire(import.meta.url);
const pkcs11js = require('pkcs11js') as typeof Pkcs11Types;

export const SOFTHSM_MODULE = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find((p) => existsSync(p)) ?? '/usr/lib/softhsm/libsofthsm2.so';

export interface KeyImport {
  tokenLabel: string;
  pin: string;
  keyLabel: string;
  /** CKA_ID as hex (links the key and its certificate). */
  idHex: string;
  identity: TestIdentity;
  /** CKA_ALWAYS_AUTHENTICATE: the key demands a context-specific login before each signature. */
  alwaysAuthenticate?: boolean;
}

export interface SoftHsmEnv {
  dir: string;
  confPath: string;
  modulePath: string;
  initToken(label: string, pin: string, soPin?: string): void;
  importKey(spec: KeyImport): void;
  /**
   * Mark a token's user PIN as locked (CKF_USER_PIN_LOCKED). SoftHSM 2.6 never locks a PIN by itself (it
   * only sets COUNT_LOW), so the test edits the CKA_OS_TOKENFLAGS attribute (0x8000534b, a CK_ULONG) of its
   * token.object file while no module has it open. The adapter then reads the real flag from C_GetTokenInfo.
   */
  lockUserPin(label: string): void;
  cleanup(): void;
}

function b64url(value: string | undefined): Buffer {
  if (value === undefined) throw new Error('JWK component missing');
  return Buffer.from(value, 'base64url');
}

const P256_OID_DER = Buffer.from('06082a8648ce3d030107', 'hex');

function keyTemplate(spec: KeyImport): Pkcs11Types.Template {
  const jwk = spec.identity.privateKey.export({ format: 'jwk' });
  const common: Pkcs11Types.Template = [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
    { type: pkcs11js.CKA_TOKEN, value: true },
    { type: pkcs11js.CKA_PRIVATE, value: true },
    { type: pkcs11js.CKA_SENSITIVE, value: true },
    { type: pkcs11js.CKA_SIGN, value: true },
    { type: pkcs11js.CKA_LABEL, value: spec.keyLabel },
    { type: pkcs11js.CKA_ID, value: Buffer.from(spec.idHex, 'hex') },
    { type: pkcs11js.CKA_ALWAYS_AUTHENTICATE, value: spec.alwaysAuthenticate === true },
  ];
  if (jwk.kty === 'RSA') {
    return [
      ...common,
      { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_RSA },
      { type: pkcs11js.CKA_MODULUS, value: b64url(jwk.n) },
      { type: pkcs11js.CKA_PUBLIC_EXPONENT, value: b64url(jwk.e) },
      { type: pkcs11js.CKA_PRIVATE_EXPONENT, value: b64url(jwk.d) },
      { type: pkcs11js.CKA_PRIME_1, value: b64url(jwk.p) },
      { type: pkcs11js.CKA_PRIME_2, value: b64url(jwk.q) },
      { type: pkcs11js.CKA_EXPONENT_1, value: b64url(jwk.dp) },
      { type: pkcs11js.CKA_EXPONENT_2, value: b64url(jwk.dq) },
      { type: pkcs11js.CKA_COEFFICIENT, value: b64url(jwk.qi) },
    ];
  }
  return [
    ...common,
    { type: pkcs11js.CKA_KEY_TYPE, value: pkcs11js.CKK_EC },
    { type: pkcs11js.CKA_EC_PARAMS, value: P256_OID_DER },
    { type: pkcs11js.CKA_VALUE, value: b64url(jwk.d) },
  ];
}

/** Create the temp dir and config and point SOFTHSM2_CONF at it (before any module is initialised). */
export function createSoftHsm(): SoftHsmEnv {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const confPath = join(dir, 'softhsm2.conf');
  writeFileSync(confPath, `directories.tokendir = ${dir}/tokens/\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  process.env.SOFTHSM2_CONF = confPath;
  const env = { ...process.env, SOFTHSM2_CONF: confPath };
  return {
    dir,
    confPath,
    modulePath: SOFTHSM_MODULE,
    initToken(label, pin, soPin = '87654321') {
      execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', pin, '--so-pin', soPin], { env, stdio: 'pipe' });
    },
    importKey(spec) {
      const p = new pkcs11js.PKCS11();
      p.load(SOFTHSM_MODULE);
      p.C_Initialize();
      try {
        const slot = p.C_GetSlotList(true).find((s) => p.C_GetTokenInfo(s).label.trim() === spec.tokenLabel);
        if (slot === undefined) throw new Error(`token ${spec.tokenLabel} not found`);
        const session = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION | pkcs11js.CKF_RW_SESSION);
        p.C_Login(session, pkcs11js.CKU_USER, spec.pin);
        p.C_CreateObject(session, keyTemplate(spec));
        p.C_CreateObject(session, [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
          { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
          { type: pkcs11js.CKA_TOKEN, value: true },
          { type: pkcs11js.CKA_LABEL, value: spec.keyLabel },
          { type: pkcs11js.CKA_ID, value: Buffer.from(spec.idHex, 'hex') },
          { type: pkcs11js.CKA_SUBJECT, value: Buffer.from(spec.identity.cert.subjectName.toArrayBuffer()) },
          { type: pkcs11js.CKA_VALUE, value: Buffer.from(spec.identity.certDer) },
        ]);
        p.C_Logout(session);
        p.C_CloseSession(session);
      } finally {
        p.C_Finalize();
      }
    },
    lockUserPin(label) {
      const padded = Buffer.from(label.padEnd(32, ' '));
      const marker = Buffer.from('000000008000534b0000000000000002', 'hex');
      for (const entry of readdirSync(join(dir, 'tokens'))) {
        const file = join(dir, 'tokens', entry, 'token.object');
        if (!existsSync(file)) continue;
        const bytes = readFileSync(file);
        if (!bytes.includes(padded)) continue;
        const at = bytes.indexOf(marker);
        if (at < 0) throw new Error('token flags attribute not found');
        const flags = bytes.readBigUInt64BE(at + marker.length);
        bytes.writeBigUInt64BE(flags | 0x40000n, at + marker.length);
        writeFileSync(file, bytes);
        return;
      }
      throw new Error(`token ${label} not found on disk`);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
