/**
 * Launch options of the web host, from the command line and the environment. Pure apart from reading
 * `process`-like inputs handed in, so it is unit-tested.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isUsableSecret } from './http-security';

/**
 * Fixed default port. It must stay the same from launch to launch: the renderer's IndexedDB (registers, journal)
 * belongs to the page's origin `http://127.0.0.1:<port>`, so a new port would show an empty database.
 */
export const DEFAULT_PORT = 4317;

export interface WebHostLaunchOptions {
  dataDir: string;
  port: number;
  rendererDir: string;
  secret: string;
  /** True when the secret came from VANTHU_WEB_SECRET (tests); printed nowhere else. */
  fixedSecret: boolean;
}

/** Thrown for a bad option; its message is Vietnamese and printed as is. */
export class LaunchOptionError extends Error {
  override name = 'LaunchOptionError';
}

/** The default data directory: `$XDG_DATA_HOME/van-thu-so`, or `~/.local/share/van-thu-so`. */
export function defaultDataDir(env: NodeJS.ProcessEnv, home: string = homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, 'van-thu-so');
}

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new LaunchOptionError(`Cổng không hợp lệ: "${text}" (cần số từ 1 đến 65535).`);
  }
  return Number(text);
}

/** Read `--data-dir`, `--port`, `--renderer-dir` and VANTHU_DATA_DIR / VANTHU_PORT / VANTHU_WEB_SECRET. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv, defaults: { rendererDir: string }): WebHostLaunchOptions {
  let values: { 'data-dir'?: string; port?: string; 'renderer-dir'?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'renderer-dir': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    throw new LaunchOptionError(`Tham số dòng lệnh không hợp lệ: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const dataDir = resolve(values['data-dir'] ?? env.VANTHU_DATA_DIR ?? defaultDataDir(env));
  const portText = values.port ?? env.VANTHU_PORT;
  const port = portText === undefined || portText === '' ? DEFAULT_PORT : parsePort(portText);
  const rendererDir = resolve(values['renderer-dir'] ?? defaults.rendererDir);
  const envSecret = env.VANTHU_WEB_SECRET;
  if (envSecret !== undefined && envSecret !== '' && !isUsableSecret(envSecret)) {
    throw new LaunchOptionError('VANTHU_WEB_SECRET không hợp lệ (16–256 ký tự A-Z a-z 0-9 . _ ~ -).');
  }
  const fixedSecret = envSecret !== undefined && envSecret !== '';
  // 32 random bytes per launch: a page or program that did not see the printed link cannot guess it.
  const secret = fixedSecret ? envSecret : randomBytes(32).toString('base64url');
  return { dataDir, port, rendererDir, secret, fixedSecret };
}
