/**
 * TokenSession over pkcs11js (N-API, loads in Node and Electron). Calls and quirks: pdf-signing.md §4.
 * - Tokens are found by label, never by slot id (slot ids change after --init-token).
 * - C_Initialize once; CKR_CRYPTOKI_ALREADY_INITIALIZED counts as success; close() always C_Finalize.
 * - RSA: CKM_SHA256_RSA_PKCS, or CKM_RSA_PKCS over DigestInfo when the token lacks the former.
 * - EC: CKM_ECDSA over the SHA-256 hash, raw r‖s wrapped into DER.
 * - CKA_ALWAYS_AUTHENTICATE keys get C_Login(CKU_CONTEXT_SPECIFIC) before every signature.
 * - C_SignAsync when the binding has it, so a slow token does not block the main process.
 * The PIN is never logged, stored or returned; see token-session.ts.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Pkcs11Types from 'pkcs11js';
import { AppFailure } from '../../../shared/api/result';
import { certFacts } from '../cert-info';
import { ecdsaRawToDer, sha256DigestInfo } from './signature-format';
import type { KeyRef, PinState, TokenCertificate, TokenInfo, TokenSession, TokenSigner } from './token-session';

const require = createRequire(import.meta.url);
type Pkcs11Module = typeof Pkcs11Types;
let binding: Pkcs11Module | null = null;
function pkcs11(): Pkcs11Module {
  binding ??= require('pkcs11js') as Pkcs11Module;
  return binding;
}

// Token flags (PKCS#11 v2.40 §3.2 CK_TOKEN_INFO), not exported by pkcs11js's typings.
const CKF_TOKEN_INITIALIZED = 0x400;
const CKF_USER_PIN_COUNT_LOW = 0x10000;
const CKF_USER_PIN_FINAL_TRY = 0x20000;
const CKF_USER_PIN_LOCKED = 0x40000;

const ABSENT_CODES = new Set([
  'CKR_DEVICE_REMOVED', 'CKR_TOKEN_NOT_PRESENT', 'CKR_SESSION_HANDLE_INVALID', 'CKR_SESSION_CLOSED',
  'CKR_CRYPTOKI_NOT_INITIALIZED', 'CKR_DEVICE_ERROR', 'CKR_SLOT_ID_INVALID', 'CKR_TOKEN_NOT_RECOGNIZED',
]);

/** Decode the token flags into the PIN state shown before the user types. */
export function pinStateFromFlags(flags: number): PinState {
  if (flags & CKF_USER_PIN_LOCKED) return 'locked';
  if (flags & CKF_USER_PIN_FINAL_TRY) return 'final-try';
  if (flags & CKF_USER_PIN_COUNT_LOW) return 'count-low';
  return 'ok';
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.message.split(/[\s:]/)[0] ?? '' : '';
}

export interface Pkcs11Options {
  /** Absolute path of the driver (.so / .dll). */
  modulePath: string;
}

export class Pkcs11TokenSession implements TokenSession {
  private readonly modulePath: string;
  private lib: Pkcs11Types.PKCS11 | null = null;
  private readonly openSessions = new Set<Buffer>();

  constructor(options: Pkcs11Options) {
    this.modulePath = options.modulePath;
  }

  private module(): Pkcs11Types.PKCS11 {
    if (this.lib) return this.lib;
    const lib = new (pkcs11().PKCS11)();
    try {
      lib.load(this.modulePath);
    } catch (err) {
      throw new AppFailure('TOKEN_ABSENT', `[token] không nạp được trình điều khiển ${this.modulePath}: ${errorName(err) || String(err)}`);
    }
    try {
      lib.C_Initialize();
    } catch (err) {
      if (errorName(err) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') throw this.mapError(err);
    }
    this.lib = lib;
    return lib;
  }

  private mapError(err: unknown, slot?: Buffer): AppFailure {
    if (err instanceof AppFailure) return err;
    const name = errorName(err);
    if (name === 'CKR_PIN_INCORRECT' || name === 'CKR_PIN_LEN_RANGE') {
      const pinState = slot ? this.pinState(slot) : 'ok';
      if (pinState === 'locked') return new AppFailure('PIN_LOCKED', 'Mã PIN đã bị khóa', { pinState });
      return new AppFailure('PIN_INCORRECT', 'Mã PIN không đúng', { pinState });
    }
    if (name === 'CKR_PIN_LOCKED') return new AppFailure('PIN_LOCKED', 'Mã PIN đã bị khóa', { pinState: 'locked' });
    if (ABSENT_CODES.has(name)) return new AppFailure('TOKEN_ABSENT', `Thiết bị ký số đã bị rút hoặc không phản hồi (${name})`);
    return new AppFailure('INTERNAL', `[token] ${name || String(err)}`);
  }

  private pinState(slot: Buffer): PinState {
    try {
      return pinStateFromFlags(this.module().C_GetTokenInfo(slot).flags);
    } catch {
      return 'ok';
    }
  }

  private findSlot(label: string): Buffer {
    const lib = this.module();
    const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).label.trim() === label);
    if (!slot) throw new AppFailure('TOKEN_ABSENT', `Không thấy thiết bị ký số "${label}"`);
    return slot;
  }

  async listTokens(): Promise<TokenInfo[]> {
    const lib = this.module();
    try {
      return lib.C_GetSlotList(true).flatMap((slot) => {
        const info = lib.C_GetTokenInfo(slot);
        // An empty slot of a software token (SoftHSM's spare slot) is not a token the user can use.
        if ((info.flags & CKF_TOKEN_INITIALIZED) === 0) return [];
        return [{
          label: info.label.trim(),
          manufacturer: info.manufacturerID.trim(),
          model: info.model.trim(),
          serial: info.serialNumber.trim(),
          pinState: pinStateFromFlags(info.flags),
        }];
      });
    } catch (err) {
      throw this.mapError(err);
    }
  }

  private findObjects(session: Buffer, template: Pkcs11Types.Template): Buffer[] {
    const lib = this.module();
    lib.C_FindObjectsInit(session, template);
    try {
      return lib.C_FindObjects(session, 100);
    } finally {
      lib.C_FindObjectsFinal(session);
    }
  }

  private readCertificates(session: Buffer, tokenLabel: string, loggedIn: boolean): TokenCertificate[] {
    const lib = this.module();
    const p = pkcs11();
    const certs = this.findObjects(session, [{ type: p.CKA_CLASS, value: p.CKO_CERTIFICATE }]);
    const keyIds = new Set(
      this.findObjects(session, [{ type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY }]).map((h) =>
        (lib.C_GetAttributeValue(session, h, [{ type: p.CKA_ID }])[0]?.value as Buffer | undefined)?.toString('hex') ?? '',
      ),
    );
    return certs.flatMap((handle) => {
      const attrs = lib.C_GetAttributeValue(session, handle, [{ type: p.CKA_VALUE }, { type: p.CKA_LABEL }, { type: p.CKA_ID }]);
      const der = attrs[0]?.value as Buffer | undefined;
      if (!der) return [];
      const idHex = (attrs[2]?.value as Buffer | undefined)?.toString('hex') ?? '';
      const facts = certFacts(new Uint8Array(der));
      return [{
        tokenLabel,
        keyLabel: (attrs[1]?.value as Buffer | undefined)?.toString('utf8') ?? '',
        idHex,
        certDer: new Uint8Array(der),
        subject: facts.subject,
        commonName: facts.commonName,
        issuer: facts.issuer,
        notBefore: facts.notBefore.toISOString(),
        notAfter: facts.notAfter.toISOString(),
        keyUsage: facts.keyUsage,
        keyAlgorithm: facts.keyAlgorithm,
        hasPrivateKey: keyIds.has(idHex) ? true : loggedIn ? false : null,
      }];
    });
  }

  private openSession(slot: Buffer): Buffer {
    const p = pkcs11();
    const session = this.module().C_OpenSession(slot, p.CKF_SERIAL_SESSION);
    this.openSessions.add(session);
    return session;
  }

  private closeSession(session: Buffer): void {
    if (!this.openSessions.delete(session)) return;
    try {
      this.lib?.C_CloseSession(session);
    } catch {
      // The token may already be gone; nothing else to release.
    }
  }

  async listCertificates(tokenLabel: string): Promise<TokenCertificate[]> {
    try {
      const session = this.openSession(this.findSlot(tokenLabel));
      try {
        return this.readCertificates(session, tokenLabel, false);
      } finally {
        this.closeSession(session);
      }
    } catch (err) {
      throw this.mapError(err);
    }
  }

  async openSigner(key: KeyRef, pin: string, now: Date): Promise<TokenSigner> {
    const p = pkcs11();
    const slot = this.findSlot(key.tokenLabel);
    if (this.pinState(slot) === 'locked') throw new AppFailure('PIN_LOCKED', 'Mã PIN đã bị khóa', { pinState: 'locked' });
    const session = this.openSession(slot);
    try {
      this.module().C_Login(session, p.CKU_USER, pin);
    } catch (err) {
      // Login state is per token and application: a second signer on a logged-in token needs no new login.
      if (errorName(err) === 'CKR_USER_ALREADY_LOGGED_IN') return this.finishOpen(key, pin, now, slot, session);
      this.closeSession(session);
      throw this.mapError(err, slot);
    }
    return this.finishOpen(key, pin, now, slot, session);
  }

  private finishOpen(key: KeyRef, pin: string, now: Date, slot: Buffer, session: Buffer): TokenSigner {
    const p = pkcs11();
    try {
      const certificate = this.readCertificates(session, key.tokenLabel, true).find(
        (c) => c.hasPrivateKey === true && (key.idHex ? c.idHex === key.idHex.toLowerCase() : c.keyLabel === key.keyLabel),
      );
      if (!certificate) throw new AppFailure('NOT_FOUND', `Không thấy khóa "${key.keyLabel ?? key.idHex ?? ''}" trên thiết bị`);
      if (now < new Date(certificate.notBefore) || now > new Date(certificate.notAfter)) {
        throw new AppFailure('CERT_EXPIRED', `Chứng thư số hết hiệu lực (${certificate.notBefore} – ${certificate.notAfter})`);
      }
      const [keyHandle] = this.findObjects(session, [
        { type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY },
        { type: p.CKA_ID, value: Buffer.from(certificate.idHex, 'hex') },
      ]);
      if (!keyHandle) throw new AppFailure('NOT_FOUND', 'Không thấy khóa bí mật tương ứng chứng thư số');
      const always = this.module().C_GetAttributeValue(session, keyHandle, [{ type: p.CKA_ALWAYS_AUTHENTICATE }])[0]?.value;
      return this.makeSigner(session, slot, keyHandle, certificate, Buffer.isBuffer(always) && always[0] === 1 ? pin : null);
    } catch (err) {
      this.closeSession(session);
      throw this.mapError(err, slot);
    }
  }

  private makeSigner(session: Buffer, slot: Buffer, keyHandle: Buffer, certificate: TokenCertificate, contextPin: string | null): TokenSigner {
    let pin = contextPin;
    let closed = false;
    const mechanisms = new Set(this.module().C_GetMechanismList(slot));
    const signOnce = async (tbs: Uint8Array): Promise<Uint8Array> => {
      if (closed) throw new AppFailure('TOKEN_ABSENT', 'Phiên ký đã đóng');
      const p = pkcs11();
      const lib = this.module();
      const hash = createHash('sha256').update(tbs).digest();
      let mechanism: number;
      let input: Buffer;
      if (certificate.keyAlgorithm === 'EC') {
        mechanism = p.CKM_ECDSA;
        input = hash;
      } else if (mechanisms.has(p.CKM_SHA256_RSA_PKCS)) {
        mechanism = p.CKM_SHA256_RSA_PKCS;
        input = Buffer.from(tbs);
      } else {
        mechanism = p.CKM_RSA_PKCS;
        input = Buffer.from(sha256DigestInfo(hash));
      }
      lib.C_SignInit(session, { mechanism }, keyHandle);
      if (pin !== null) lib.C_Login(session, p.CKU_CONTEXT_SPECIFIC, pin);
      const out = Buffer.alloc(1024);
      const signature = typeof lib.C_SignAsync === 'function' ? await lib.C_SignAsync(session, input, out) : lib.C_Sign(session, input, out);
      const bytes = new Uint8Array(signature);
      return certificate.keyAlgorithm === 'EC' ? ecdsaRawToDer(bytes) : bytes;
    };
    return {
      certificate,
      sign: async (tbs) => {
        try {
          return await signOnce(tbs);
        } catch (err) {
          throw this.mapError(err, slot);
        }
      },
      close: async () => {
        if (closed) return;
        closed = true;
        pin = null;
        try {
          this.lib?.C_Logout(session);
        } catch {
          // Logged out already or token removed.
        }
        this.closeSession(session);
      },
    };
  }

  async close(): Promise<void> {
    for (const session of [...this.openSessions]) this.closeSession(session);
    const lib = this.lib;
    this.lib = null;
    if (!lib) return;
    try {
      lib.C_Finalize();
    } catch {
      // Already finalised (e.g. a simulated removal); the module is released either way.
    }
  }
}
