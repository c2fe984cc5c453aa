/**
 * `app://secretariat/` serves the built renderer (house rule 9): a standard, secure scheme, so the renderer gets
 * a real origin for its CSP and for the IPC sender check, and no `file://` page ever runs. Every request goes
 * through `resolveAppFile`, the tested path-traversal guard.
 */
import { net, protocol, type Session } from 'electron';
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, resolveAppFile } from './app-origin';

/** Must run before `app` is ready (Electron docs, protocol.registerSchemesAsPrivileged). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function refusal(status: 400 | 403 | 404): Response {
  return new Response(null, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves files of `rendererDir` on the session's `app:` scheme; anything else is refused. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(403);
    const answer = resolveAppFile(rendererDir, request.url);
    if (!answer.ok) {
      console.warn('[protocol] refused', answer.status, request.url.slice(0, 200));
      return refusal(answer.status);
    }
    const info = await stat(answer.path).catch(() => null);
    if (info === null || !info.isFile()) return refusal(404);
    const file = await net.fetch(pathToFileURL(answer.path).toString());
    const headers = new Headers(file.headers);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  });
}
