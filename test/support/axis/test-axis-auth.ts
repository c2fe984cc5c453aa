/**
 * The test axis' own check of a request's credentials, written from standards.md §2.2 / §2.4 independently of the
 * product's header builder, so a mistake in one is caught by the other: XroadVnpt-* (every signed key present as a
 * header with the same value, HMAC-SHA256 of the sign-header string under the system's secret, a fresh timestamp)
 * or the Lạng Sơn X-SystemId / X-SecretKey pair.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface TestSystem {
  systemId: string;
  secret: string;
  /** The agency this system speaks for (QCVN 102 code). */
  agencyCode: string;
}

export type AuthOutcome = { ok: true; system: TestSystem; params: Record<string, string> } | { ok: false; reason: string };

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** Parse `ddMMyyyyTHHmmss+SSSS` (Vietnam local time) to epoch ms, or NaN. */
export function parseXroadTimestamp(text: string): number {
  const m = /^(\d{2})(\d{2})(\d{4})T(\d{2})(\d{2})(\d{2})\+(\d{4})$/.exec(text);
  if (!m) return Number.NaN;
  const [, dd, mm, yyyy, hh, mi, ss, ms] = m.map(Number) as number[];
  return Date.UTC(yyyy!, mm! - 1, dd!, hh! - 7, mi!, ss!, ms!);
}

/** Check XroadVnpt headers; `required` are the operation keys that must be covered by the signature. */
export function checkXroad(headers: IncomingHttpHeaders, systems: TestSystem[], required: string[], maxSkewMs = 15 * 60_000): AuthOutcome {
  const keys = one(headers['xroadvnpt-sign-header-key']);
  const signHeader = one(headers['xroadvnpt-sign-header']);
  const hash = one(headers['xroadvnpt-hash-header']);
  if (!keys || !signHeader || !hash) return { ok: false, reason: 'missing signature headers' };
  let signed: Record<string, unknown>;
  try {
    signed = JSON.parse(signHeader) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'sign-header is not JSON' };
  }
  const params: Record<string, string> = {};
  for (const key of keys.split(';')) {
    const sent = one(headers[`xroadvnpt-${key}`.toLowerCase()]);
    if (sent === undefined || signed[`XroadVnpt-${key}`] !== sent) return { ok: false, reason: `header ${key} not signed as sent` };
    params[key] = sent;
  }
  for (const key of ['systemid', 'timestamp', ...required]) if (!(key in params)) return { ok: false, reason: `${key} not signed` };
  const system = systems.find((s) => s.systemId === params.systemid);
  if (!system) return { ok: false, reason: 'unknown system' };
  const expected = createHmac('sha256', system.secret).update(signHeader, 'utf8').digest();
  const given = Buffer.from(hash, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad hmac' };
  const at = parseXroadTimestamp(params.timestamp!);
  if (!Number.isFinite(at) || Math.abs(Date.now() - at) > maxSkewMs) return { ok: false, reason: 'stale timestamp' };
  return { ok: true, system, params };
}

/** Check the Lạng Sơn pair. */
export function checkPlain(headers: IncomingHttpHeaders, systems: TestSystem[]): AuthOutcome {
  const id = one(headers['x-systemid']);
  const key = one(headers['x-secretkey']);
  const system = systems.find((s) => s.systemId === id);
  if (!system || key === undefined) return { ok: false, reason: 'unknown system' };
  const a = Buffer.from(key);
  const b = Buffer.from(system.secret);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'bad secret' };
  return { ok: true, system, params: {} };
}
