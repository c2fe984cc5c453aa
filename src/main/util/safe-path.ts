/**
 * Pure validators for anything that comes from outside (house rule 10; architecture.md "File names from outside
 * never become paths"). Each takes `unknown` and answers `false` or a parsed value; URLs are parsed with `URL`,
 * never substring-matched.
 */
import { isAbsolute, relative, resolve } from 'node:path';

/** Longest file name accepted from outside (settings.holidaysFile has the same bound). */
export const MAX_SAFE_FILE_NAME = 120;

// Windows reserves these names with any extension (CON.txt is as bad as CON); files travel between machines.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** C0 controls (NUL included), DEL and C1 controls. */
function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * Whether `candidate` (absolute, or relative to `root`) resolves to `root` itself or a path below it.
 * Symbolic links are not followed: callers only hand in paths they build from safe names.
 */
export function isInsideDir(root: string, candidate: string): boolean {
  if (typeof root !== 'string' || typeof candidate !== 'string' || root === '' || candidate.includes('\0')) return false;
  const base = resolve(root);
  const target = resolve(base, candidate);
  const rel = relative(base, target);
  if (rel === '') return true;
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * A plain file name (no folder part) safe to join to a directory of ours, or `false`. Rejects '.', '..', '/', '\\',
 * ':', NUL and other control characters, leading/trailing spaces or a trailing dot (Windows strips them), reserved
 * Windows device names, and names longer than MAX_SAFE_FILE_NAME characters.
 */
export function toSafeFileName(value: unknown): string | false {
  if (typeof value !== 'string') return false;
  const name = value.normalize('NFC');
  if (name.length === 0 || name.length > MAX_SAFE_FILE_NAME) return false;
  if (name === '.' || name === '..' || name.includes('..')) return false;
  if (/[/\\:*?"<>|]/.test(name) || hasControlChar(name)) return false;
  if (name !== name.trim() || name.endsWith('.')) return false;
  if (WINDOWS_RESERVED.test(name)) return false;
  return name;
}

/**
 * An http(s) URL without user name or password, parsed, or `false` (javascript:, file:, data:, UNC paths and
 * anything unparsable are refused). Use before `shell.openExternal` or any outgoing link.
 */
export function isSafeExternalUrl(value: unknown): URL | false {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return false;
  // A UNC path or a protocol-relative URL is never an external web link.
  if (value.startsWith('\\\\') || value.startsWith('//')) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.hostname === '') return false;
  return url;
}
