/**
 * The renderer's address and the checks built on it, kept free of `electron` so they are unit-tested in plain
 * Node (house rule 10; SEC #13, #17). The renderer is served from `app://secretariat/` (house rule 9).
 */
import { isInsideDir } from '../util/safe-path';
import { join } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'secretariat';
/** The only origin the IPC answers and navigation may stay on. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Parses `value` and answers the URL when it is on our origin: scheme `app:`, host `secretariat`, no port and
 * no credentials. Node gives custom schemes an opaque `origin` ("null"), so the parts are compared one by one.
 */
export function parseAppUrl(value: unknown): URL | false {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  // Chromium lowers the host of a standard scheme; Node leaves a custom scheme's host as written.
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url;
}

/** The parts of a frame (Electron's WebFrameMain) the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: unknown;
}

/**
 * Whether an IPC message comes from our main window's main frame showing our origin (SEC #17): not a subframe,
 * not another window, not a page that navigated away. `mainFrame` is `mainWindow.webContents.mainFrame`, or
 * undefined when there is no window.
 */
export function isTrustedSender(senderFrame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!senderFrame || !mainFrame) return false;
  if (senderFrame.parent !== null) return false;
  if (senderFrame.processId !== mainFrame.processId || senderFrame.routingId !== mainFrame.routingId) return false;
  return parseAppUrl(senderFrame.url) !== false;
}

/** What the `app:` protocol handler does with a request. */
export type AppFileAnswer = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a request on `app://secretariat/…` to a file inside `rootDir` (the built renderer), or refuses it:
 * another host or scheme (403), a malformed escape or a NUL (400), a path that would leave `rootDir` after
 * decoding (`..`, `%2e%2e`, encoded slashes or backslashes: 403). `/` serves `index.html`. Whether the file
 * exists is for the caller to find out (404).
 */
export function resolveAppFile(rootDir: string, requestUrl: unknown): AppFileAnswer {
  const url = parseAppUrl(requestUrl);
  if (url === false) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400 };
  // A backslash is a separator on Windows; an encoded one must not sneak a "..\" past the URL parser.
  if (pathname.includes('\\')) return { ok: false, status: 403 };
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const segments = relativePath.split('/');
  // No dot segments after decoding, and no directory (empty last segment): only files are served.
  if (segments.some((s) => s === '..' || s === '.') || segments.at(-1) === '') return { ok: false, status: 403 };
  const candidate = join(rootDir, ...segments);
  if (!isInsideDir(rootDir, candidate) || candidate === rootDir) return { ok: false, status: 403 };
  return { ok: true, path: candidate };
}
