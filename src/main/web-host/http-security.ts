/**
 * The web host's caller checks (house rule 5; architecture.md "guarded by a per-launch secret and an Origin/Host
 * check"). The host binds 127.0.0.1 only, yet any web page the user opens can make the browser send requests
 * there: the Host check stops DNS rebinding, the Origin check stops cross-site POSTs, and the secret stops other
 * local programs and pages that never saw the launch link.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Name of the cookie carrying the secret after `/auth`. */
export const SECRET_COOKIE = 'vts';
/** Header a non-browser client (tests, scripts) may use instead of the cookie. */
export const SECRET_HEADER = 'x-vanthu-secret';

/** CSP of every response; matches the `<meta>` of src/renderer/index.html plus frame-ancestors (header-only). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'", // pdf.js image decoders are WebAssembly
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers set on every response, whatever its status. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

/** A secret usable in a cookie and a URL without escaping, long enough not to be guessed. */
const SECRET_SHAPE = /^[A-Za-z0-9._~-]{16,256}$/;

/** Whether `value` is acceptable as the launch secret (VANTHU_WEB_SECRET). */
export function isUsableSecret(value: unknown): value is string {
  return typeof value === 'string' && SECRET_SHAPE.test(value);
}

/** Constant-time comparison of a presented secret with the real one (hashing first hides the length too). */
export function secretMatches(presented: unknown, secret: string): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 1024) return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(secret, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The value of cookie `name` in a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** The two origins the app is served from: the page's own, in either spelling of loopback. */
export function allowedOrigins(port: number): readonly string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** `Host` must name us exactly (a rebinding attacker's page sends its own host name). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** `Origin` must be one of ours; a missing Origin on a POST is refused too. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).includes(origin);
}
