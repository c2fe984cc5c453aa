// The web host's pure parts: launch options (fixed port, data dir), caller checks (Host, Origin, secret) and the
// static path guard. The server itself is exercised in test/integration/web-host.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, LaunchOptionError, defaultDataDir, parseLaunchOptions } from '../../../src/main/web-host/options';
import { isAllowedHost, isAllowedOrigin, isUsableSecret, readCookie, secretMatches } from '../../../src/main/web-host/http-security';
import { mimeTypeFor, pathSegments } from '../../../src/main/web-host/static-files';
import { resolveAppPaths } from '../../../src/main/web-host/paths';

const defaults = { rendererDir: '/opt/vts/dist/renderer' };

describe('launch options', () => {
  it('defaults: fixed port 4317, XDG data dir, a fresh 32-byte secret each launch', () => {
    const a = parseLaunchOptions([], { XDG_DATA_HOME: '/home/u/.data' }, defaults);
    const b = parseLaunchOptions([], { XDG_DATA_HOME: '/home/u/.data' }, defaults);
    expect(a.port).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBe(4317);
    expect(a.dataDir).toBe('/home/u/.data/van-thu-so');
    expect(a.rendererDir).toBe('/opt/vts/dist/renderer');
    expect(Buffer.from(a.secret, 'base64url')).toHaveLength(32);
    expect(a.secret).not.toBe(b.secret);
    expect(a.fixedSecret).toBe(false);
  });

  it('falls back to ~/.local/share without XDG_DATA_HOME', () => {
    expect(defaultDataDir({}, '/home/u')).toBe('/home/u/.local/share/van-thu-so');
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, '/home/u')).toBe('/home/u/.local/share/van-thu-so');
  });

  it('reads flags before the environment', () => {
    const env = { VANTHU_DATA_DIR: '/env/data', VANTHU_PORT: '5000', VANTHU_WEB_SECRET: 'test-secret-0123456789' };
    const fromEnv = parseLaunchOptions([], env, defaults);
    expect(fromEnv).toMatchObject({ dataDir: '/env/data', port: 5000, secret: 'test-secret-0123456789', fixedSecret: true });
    const fromFlags = parseLaunchOptions(['--data-dir', '/flag/data', '--port', '6000', '--renderer-dir', '/r'], env, defaults);
    expect(fromFlags).toMatchObject({ dataDir: '/flag/data', port: 6000, rendererDir: '/r' });
  });

  it.each([
    [['--port', '0'], {}],
    [['--port', '70000'], {}],
    [['--port', 'abc'], {}],
    [['--unknown'], {}],
    [['positional'], {}],
    [[], { VANTHU_WEB_SECRET: 'short' }],
    [[], { VANTHU_WEB_SECRET: 'has spaces in it 0123456789' }],
  ])('refuses %j %j with a Vietnamese message', (argv, env) => {
    expect(() => parseLaunchOptions(argv, env, defaults)).toThrow(LaunchOptionError);
  });
});

describe('caller checks', () => {
  it.each([
    ['127.0.0.1:4317', true],
    ['localhost:4317', true],
    ['127.0.0.1:4318', false],
    ['evil.example:4317', false],
    ['127.0.0.1', false],
    ['LOCALHOST:4317', false],
    [undefined, false],
  ])('Host %s → %s', (host, expected) => {
    expect(isAllowedHost(host, 4317)).toBe(expected);
  });

  it.each([
    ['http://127.0.0.1:4317', true],
    ['http://localhost:4317', true],
    ['https://127.0.0.1:4317', false],
    ['http://evil.example:4317', false],
    ['null', false],
    [undefined, false],
  ])('Origin %s → %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, 4317)).toBe(expected);
  });

  it('compares secrets exactly', () => {
    const secret = 'abcdefghijklmnop0123';
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(1), secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
    expect(secretMatches(undefined, secret)).toBe(false);
    expect(secretMatches(['a'], secret)).toBe(false);
  });

  it('reads the vts cookie among others', () => {
    expect(readCookie('a=1; vts=abc; b=2', 'vts')).toBe('abc');
    expect(readCookie('xvts=abc', 'vts')).toBeUndefined();
    expect(readCookie(undefined, 'vts')).toBeUndefined();
  });

  it('accepts only cookie-safe secrets of 16+ characters', () => {
    expect(isUsableSecret('e2e-secret-0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isUsableSecret('a;b=c0123456789abcdef')).toBe(false);
  });
});

describe('static path guard', () => {
  it.each([
    ['/', []],
    ['/index.html', ['index.html']],
    ['/assets/app-1a2b.js', ['assets', 'app-1a2b.js']],
    ['/fonts/T%C3%AAn.woff2', ['fonts', 'Tên.woff2']],
  ])('%s → %j', (raw, expected) => {
    expect(pathSegments(raw)).toEqual(expected);
  });

  it.each([['/../package.json'], ['/%2e%2e/package.json'], ['/assets/..%2f..%2fpackage.json'], ['/a/%5c..%5cx'], ['/x%00.js'], ['/%E0%A4%A'], ['/./x']])(
    'refuses %s',
    (raw) => {
      expect(pathSegments(raw)).toBe(false);
    },
  );

  it.each([
    ['app.mjs', 'text/javascript; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
    ['pdf.wasm', 'application/wasm'],
    ['x.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['f.woff2', 'font/woff2'],
    ['f.ttf', 'font/ttf'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['unknown.xyz', 'application/octet-stream'],
  ])('MIME type of %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });
});

describe('app paths', () => {
  it('resolves assets and renderer next to the built bundle', () => {
    expect(resolveAppPaths('file:///opt/vts/dist/node/web-host.mjs')).toEqual({
      rootDir: '/opt/vts',
      assetsDir: '/opt/vts/assets',
      rendererDir: '/opt/vts/dist/renderer',
    });
  });

  it('resolves them from the source file under vitest', () => {
    expect(resolveAppPaths('file:///work/repo/src/main/web-host/paths.ts').assetsDir).toBe('/work/repo/assets');
  });
});
