/**
 * The pure parts of the Electron shell, tested without `electron` (house rule 10, SEC #13 and #17): the sender
 * check behind every IPC handler and the path guard of the app:// protocol.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// app-origin.ts imports nothing from `electron`: its checks are tested in plain Node.
import {
  APP_ENTRY_URL,
  isTrustedSender,
  parseAppUrl,
  resolveAppFile,
  type FrameLike,
} from '../../../src/main/electron/app-origin';

const main: FrameLike = { url: APP_ENTRY_URL, processId: 4, routingId: 1, parent: null };
const frame = (over: Partial<FrameLike>): FrameLike => ({ ...main, ...over });

describe('parseAppUrl', () => {
  it.each([
    ['app://secretariat/index.html', true],
    ['app://secretariat/', true],
    ['app://SECRETARIAT/index.html', true], // hosts are case-insensitive and the parser lowers them
    ['app://evil/index.html', false],
    ['app://secretariat.evil/index.html', false],
    ['app://secretariat:8080/index.html', false],
    ['app://user:pw@secretariat/index.html', false],
    ['http://secretariat/index.html', false],
    ['https://app.secretariat/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['\\\\server\\share\\index.html', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (value, accepted) => {
    expect(parseAppUrl(value) !== false).toBe(accepted);
  });

  it('refuses non-strings', () => {
    expect(parseAppUrl(undefined)).toBe(false);
    expect(parseAppUrl(42)).toBe(false);
    expect(parseAppUrl({ href: APP_ENTRY_URL })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('accepts the main window main frame on app://secretariat', () => {
    expect(isTrustedSender(frame({}), main)).toBe(true);
    expect(isTrustedSender(frame({ url: 'app://secretariat/index.html#/registers' }), main)).toBe(true);
  });

  it.each<[string, FrameLike | null]>([
    ['no sender frame (it navigated or was destroyed)', null],
    ['a subframe of our window', frame({ parent: main })],
    ['another frame in another process', frame({ processId: 9 })],
    ['another frame of the same process', frame({ routingId: 7 })],
    ['our frame after navigating elsewhere', frame({ url: 'https://example.com/' })],
    ['our frame showing a file: URL', frame({ url: 'file:///tmp/x.html' })],
    ['a look-alike host', frame({ url: 'app://secretariat.example/index.html' })],
    ['about:blank', frame({ url: 'about:blank' })],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, main)).toBe(false);
  });

  it('refuses everything when there is no main window', () => {
    expect(isTrustedSender(frame({}), undefined)).toBe(false);
    expect(isTrustedSender(frame({}), null)).toBe(false);
  });
});

describe('resolveAppFile', () => {
  const root = resolve('/srv/renderer');

  it('serves index.html for the root and files below the root', () => {
    expect(resolveAppFile(root, 'app://secretariat/')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppFile(root, 'app://secretariat/index.html')).toEqual({ ok: true, path: join(root, 'index.html') });
    expect(resolveAppFile(root, 'app://secretariat/assets/index-abc.js?v=1#x')).toEqual({ ok: true, path: join(root, 'assets', 'index-abc.js') });
    expect(resolveAppFile(root, 'app://secretariat/assets/Ph%C3%B4ng.woff2')).toEqual({ ok: true, path: join(root, 'assets', 'Phông.woff2') });
  });

  it.each([
    ['app://secretariat/assets/..%2F..%2Fsecret', 403],
    ['app://secretariat/..%5C..%5Cwindows%5Cwin.ini', 403],
    ['app://secretariat/assets%2F..%2F..%2F..%2Fetc%2Fpasswd', 403],
    ['app://secretariat/%00index.html', 400],
    ['app://secretariat/%E0%A4%A', 400],
    ['app://evil/index.html', 403],
    ['file:///etc/passwd', 403],
    ['app://secretariat/assets/', 403],
  ] as const)('refuses %s with %i', (url, status) => {
    expect(resolveAppFile(root, url)).toEqual({ ok: false, status });
  });

  it('lets the URL parser fold plain dot segments, which keeps the path inside the root', () => {
    expect(resolveAppFile(root, 'app://secretariat/%2e%2e/%2e%2e/etc/passwd')).toEqual({ ok: true, path: join(root, 'etc', 'passwd') });
    expect(resolveAppFile(root, 'app://secretariat/a/../../index.html')).toEqual({ ok: true, path: join(root, 'index.html') });
  });

  it('never answers a path outside the root', () => {
    const attempts = ['/../x', '/a/../../x', '/%2e%2e/x', '/a/%2e%2e/%2e%2e/x', '//etc/passwd', '/./././../x'];
    for (const p of attempts) {
      const answer = resolveAppFile(root, `app://secretariat${p}`);
      if (answer.ok) expect(answer.path.startsWith(root + '/')).toBe(true);
    }
  });
});
