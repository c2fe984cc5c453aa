// Accounts are a user name and a password (Art. 3.7): stored as scrypt hashes, checked in constant time.
import { describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../src/shared/api/result';
import { hashPassword, verifyPassword } from '../../../src/main/accounts/password-hash';

const PASSWORD = 'Văn-thư-2026!';

describe('password hash', () => {
  it('encodes scrypt$15$8$1$<salt>$<key> with a 16-byte salt and a 32-byte key', async () => {
    const hash = await hashPassword(PASSWORD);
    const parts = hash.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '15', '8', '1']);
    expect(Buffer.from(parts[4] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5] ?? '', 'base64')).toHaveLength(32);
    expect(hash).not.toContain(PASSWORD);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword('Van-thu-2026!', hash)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it('treats NFC and NFD spellings of a Vietnamese password alike', async () => {
    const hash = await hashPassword(PASSWORD.normalize('NFC'));
    expect(await verifyPassword(PASSWORD.normalize('NFD'), hash)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['wrong scheme', 'bcrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['missing part', 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA=='],
    ['cost too high (memory exhaustion)', 'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['r too high', 'scrypt$15$999$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['not base64', 'scrypt$15$8$1$!!!!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['key too short', 'scrypt$15$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA'],
    ['non-numeric cost', 'scrypt$1e1$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
  ])('answers VALIDATION for a malformed hash (%s)', async (_label, hash) => {
    const error = await verifyPassword(PASSWORD, hash).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppFailure);
    expect((error as AppFailure).code).toBe('VALIDATION');
  });

  it('never writes the password to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m).mockImplementation(() => undefined));
    const hash = await hashPassword(PASSWORD);
    await verifyPassword(PASSWORD, hash);
    await verifyPassword(PASSWORD, 'scrypt$broken').catch(() => undefined);
    for (const spy of spies) {
      expect(JSON.stringify(spy.mock.calls)).not.toContain(PASSWORD);
      spy.mockRestore();
    }
  });
});
