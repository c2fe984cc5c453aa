// Small parts of the host's signing wiring: the driver path check of Cài đặt (house rule 10: table-driven, with
// '..', UNC shares and relative names), the module choice (environment override first), and the token lock that
// keeps PKCS#11 calls one at a time.
import { describe, expect, it } from 'vitest';
import { isAcceptableModulePath } from '../../../src/main/storage/settings-store';
import { configuredModule, createTokenLock, MODULE_ENV } from '../../../src/main/host/signing-host';
import { DEFAULT_SETTINGS } from '../../../src/main/storage/settings-store';

describe('isAcceptableModulePath', () => {
  it.each([
    ['/usr/lib/softhsm/libsofthsm2.so', true],
    ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so.8', true],
    ['C:\\Windows\\System32\\eTPKCS11.dll', true],
    ['C:/Windows/System32/bit4xpki.dll', true],
    ['/Library/OpenSC/lib/opensc-pkcs11.dylib', true],
    ['libsofthsm2.so', false],
    ['./libsofthsm2.so', false],
    ['/usr/lib/../tmp/evil.so', false],
    ['\\\\server\\share\\evil.dll', false],
    ['C:\\Windows\\System32\\notepad.exe', false],
    ['/usr/lib/libx.so\n', false],
    ['/tmp/a\u0000.so', false],
  ])('%j → %s', (path, ok) => {
    expect(isAcceptableModulePath(path)).toBe(ok);
  });
});

describe('configuredModule', () => {
  it('takes the environment override, then the setting, else null (auto-detection)', () => {
    const withModule = { ...DEFAULT_SETTINGS, pkcs11Module: '/opt/a.so' };
    expect(configuredModule(withModule, { [MODULE_ENV]: '/opt/b.so' })).toBe('/opt/b.so');
    expect(configuredModule(withModule, {})).toBe('/opt/a.so');
    expect(configuredModule(DEFAULT_SETTINGS, { [MODULE_ENV]: '' })).toBeNull();
  });
});

describe('createTokenLock', () => {
  it('runs work one at a time, in order, and goes on after a failure', async () => {
    const lock = createTokenLock();
    const log: string[] = [];
    const step = (name: string, ms: number, fail = false) =>
      lock.run(async () => {
        log.push(`${name}+`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}-`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([step('a', 30), step('b', 5, true), step('c', 1)]);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
