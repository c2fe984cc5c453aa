/**
 * Serves the built renderer (dist/renderer) with a path-traversal guard and the single-page fallback to
 * index.html. Only GET and HEAD reach here, after the caller checks.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { isInsideDir } from '../util/safe-path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type for a file name; unknown extensions are served as bytes (nosniff stops guessing). */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticOutcome = 'served' | 'not-found' | 'forbidden' | 'bad-request';

/**
 * Split a raw request path into decoded segments, or `false` when it tries to leave the root: a `.`/`..`
 * segment (also percent-encoded), a backslash, NUL or a malformed escape. Checked before any normalization, so
 * `/../package.json` is refused instead of silently becoming `/package.json`.
 */
export function pathSegments(rawPath: string): string[] | false {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return false;
    }
    if (segment === '.' || segment === '..' || /[\\/\0]/.test(segment)) return false;
    segments.push(segment);
  }
  return segments;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function send(req: IncomingMessage, res: ServerResponse, path: string, size: number): void {
  const isHtml = path.endsWith('.html');
  res.writeHead(200, {
    'Content-Type': mimeTypeFor(path),
    'Content-Length': String(size),
    // index.html must be re-read after an update; hashed assets could be cached, but this is loopback.
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serve `rawPath` from `rendererDir`. A missing path without an extension gets index.html (client routing);
 * a missing file with an extension is a 404, so a broken script never receives HTML.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, rawPath: string): Promise<StaticOutcome> {
  const segments = pathSegments(rawPath);
  if (segments === false) return 'forbidden';
  const candidate = join(rendererDir, ...segments);
  if (!isInsideDir(rendererDir, candidate)) return 'forbidden';
  const target = segments.length === 0 ? join(rendererDir, 'index.html') : candidate;
  if (await isFile(target)) {
    send(req, res, target, (await stat(target)).size);
    return 'served';
  }
  const last = segments.at(-1) ?? '';
  if (extname(last) !== '') return 'not-found';
  const index = join(rendererDir, 'index.html');
  if (!(await isFile(index))) return 'not-found';
  send(req, res, index, (await stat(index)).size);
  return 'served';
}
