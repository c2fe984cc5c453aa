/**
 * Password hashing for user accounts (Art. 3.7: accounts are a user name and a password). scrypt from
 * node:crypto with N=2^15, r=8, p=1 (OWASP's minimum for scrypt), a 16-byte random salt and a 32-byte key,
 * encoded as `scrypt$<log2 N>$<r>$<p>$<salt b64>$<key b64>` so the cost can be raised later without breaking
 * stored hashes. Passwords are never logged, stored or echoed back (house rule 11).
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MAX_PASSWORD_LENGTH } from '../../shared/api/limits';
import { AppFailure } from '../../shared/api/result';

export const SCRYPT_LOG_N = 15;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on parameters read from a stored hash: a crafted hash must not make verification eat memory or time. */
const LOG_N_RANGE = [10, 20] as const;
const R_RANGE = [1, 32] as const;
const P_RANGE = [1, 16] as const;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** scrypt needs 128·N·r bytes; the default maxmem (32 MiB) is exactly N=2^15, r=8 and would refuse it. */
function costOptions(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 128 * N * r * 2 };
}

function assertPassword(password: string): void {
  if (typeof password !== 'string' || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw new AppFailure('VALIDATION', 'Mật khẩu không hợp lệ.');
  }
}

/** Hash a new password. Errors: VALIDATION (empty or too long). */
export async function hashPassword(password: string): Promise<string> {
  assertPassword(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, costOptions(SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P));
  return ['scrypt', SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function inRange(value: number, [min, max]: readonly [number, number]): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function parseHash(encoded: string): ParsedHash {
  const malformed = (): AppFailure => new AppFailure('VALIDATION', 'Chuỗi băm mật khẩu không đúng định dạng.');
  if (typeof encoded !== 'string') throw malformed();
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw malformed();
  const [, logNText, rText, pText, saltText, keyText] = parts as [string, string, string, string, string, string];
  if (![logNText, rText, pText].every((t) => /^\d{1,3}$/.test(t))) throw malformed();
  const logN = Number(logNText);
  const r = Number(rText);
  const p = Number(pText);
  if (!inRange(logN, LOG_N_RANGE) || !inRange(r, R_RANGE) || !inRange(p, P_RANGE)) throw malformed();
  if (!BASE64.test(saltText) || !BASE64.test(keyText)) throw malformed();
  const salt = Buffer.from(saltText, 'base64');
  const key = Buffer.from(keyText, 'base64');
  if (salt.length < 8 || salt.length > 64 || key.length < 16 || key.length > 64) throw malformed();
  return { logN, r, p, salt, key };
}

/** Constant-time check of `password` against a stored hash. Errors: VALIDATION (malformed hash or password). */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  assertPassword(password);
  const { logN, r, p, salt, key } = parseHash(encoded);
  const candidate = await scrypt(password, salt, key.length, costOptions(logN, r, p));
  return timingSafeEqual(candidate, key);
}

/** The password service as the host sees it. */
export interface PasswordService {
  hash(password: string): Promise<string>;
  verify(password: string, hash: string): Promise<boolean>;
}

/** Build the password service (stateless; one per host). */
export function createPasswordService(): PasswordService {
  return { hash: hashPassword, verify: verifyPassword };
}
