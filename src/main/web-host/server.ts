/**
 * The web host (architecture.md "One contract, two transports"): the same handlers as Electron IPC, served on
 * 127.0.0.1 only. `POST /api/<channel>` → dispatch → a JSON Result; `GET /events` → server-sent events;
 * anything else → the built renderer. Every request passes the Host check, then the secret (except `/auth`),
 * then for POST the Origin check, before anything is read.
 *
 * Status codes: every Result the dispatcher produced (ok, or any domain failure including VALIDATION of the
 * schema) is sent with HTTP 200, so a 4xx/5xx always means the request never reached a handler (bad JSON 400,
 * 401 secret, 403 Host/Origin/traversal, 404, 405, 413 body too large, 415 not JSON). Those bodies are
 * Results too, with Vietnamese messages, except the HTML pages shown to a browser navigating without the secret.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_REQUEST_BYTES } from '../../shared/api/limits';
import { fail, type AppErrorCode, type Result } from '../../shared/api/result';
import { dispatch } from '../host/dispatch';
import type { Handlers } from '../host/handlers';
import type { EventHub } from './event-hub';
import {
  SECRET_COOKIE,
  SECRET_HEADER,
  SECURITY_HEADERS,
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
  secretMatches,
} from './http-security';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  handlers: Handlers;
  hub: EventHub;
  /** 0 picks a free port (tests); the real app uses a fixed one, see main.ts. */
  port: number;
  secret: string;
  rendererDir: string;
  /** Bound on a request body, checked while streaming; default MAX_REQUEST_BYTES. */
  maxRequestBytes?: number;
  /** Interval of SSE keep-alive comments; default 25 s. */
  keepAliveMs?: number;
  log?: Pick<Console, 'warn' | 'error'>;
}

export interface WebHost {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The link printed at launch: opening it sets the secret cookie. */
  authUrl: string;
  close(): Promise<void>;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function sendResult(res: ServerResponse, status: number, result: Result<unknown>, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(result);
  res.writeHead(status, { ...NO_STORE, ...extra, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendFailure(res: ServerResponse, status: number, code: AppErrorCode, message: string): void {
  sendResult(res, status, fail(code, message));
}

function sendPage(res: ServerResponse, status: number, title: string, text: string): void {
  const body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  res.writeHead(status, { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const wantsHtml = (req: IncomingMessage): boolean => req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');

type BodyOutcome = { kind: 'ok'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/** Read the body, stopping as soon as it passes `limit` bytes (nothing beyond the bound is kept in memory). */
function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (outcome: BodyOutcome): void => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.length;
      if (total > limit) {
        chunks.length = 0;
        finish({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish({ kind: 'ok', body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' }));
  });
}

/** Start the web host; resolves once it listens on 127.0.0.1. Rejects with the listen error (e.g. EADDRINUSE). */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const log = options.log ?? console;
  const maxRequestBytes = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const keepAliveMs = options.keepAliveMs ?? 25_000;
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const handleApi = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== 'application/json') {
      sendFailure(res, 415, 'VALIDATION', 'Yêu cầu phải gửi dữ liệu JSON (Content-Type: application/json).');
      return;
    }
    const outcome = await readBody(req, maxRequestBytes);
    if (outcome.kind === 'aborted') return;
    if (outcome.kind === 'too-large') {
      // Stop the client: close after answering instead of reading the rest of an oversized upload.
      sendResult(res, 413, fail('TOO_LARGE', `Dữ liệu gửi lên vượt quá giới hạn ${maxRequestBytes} byte.`), { Connection: 'close' });
      req.resume();
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(outcome.body.toString('utf8'));
    } catch {
      sendFailure(res, 400, 'VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
      return;
    }
    sendResult(res, 200, await dispatch(options.handlers, channel, raw, { transport: 'web' }));
  };

  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { ...NO_STORE, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.hub.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const timer = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
    const cleanUp = (): void => {
      clearInterval(timer);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', cleanUp);
    res.on('close', cleanUp);
  };

  const handleAuth = (res: ServerResponse, query: URLSearchParams): void => {
    const presented = query.get('k');
    if (!secretMatches(presented, options.secret)) {
      sendPage(res, 401, 'Không mở được Văn thư số', 'Mã truy cập không đúng. Hãy mở đúng đường dẫn mà chương trình in ra khi khởi động.');
      return;
    }
    res.writeHead(303, { ...NO_STORE, 'Set-Cookie': `${SECRET_COOKIE}=${options.secret}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
    res.end();
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const rawUrl = req.url ?? '';
    if (!rawUrl.startsWith('/')) return sendFailure(res, 400, 'VALIDATION', 'Đường dẫn yêu cầu không hợp lệ.');
    if (!isAllowedHost(req.headers.host, port)) return sendFailure(res, 403, 'FORBIDDEN', 'Yêu cầu bị từ chối: tên máy chủ không đúng.');
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
    const method = req.method ?? 'GET';

    if (rawPath === '/auth') {
      if (method !== 'GET') return sendFailure(res, 405, 'VALIDATION', 'Phương thức không được hỗ trợ.');
      return handleAuth(res, query);
    }
    const presented = readCookie(req.headers.cookie, SECRET_COOKIE) ?? req.headers[SECRET_HEADER];
    if (!secretMatches(presented, options.secret)) {
      if (wantsHtml(req)) return sendPage(res, 401, 'Cần mã truy cập', 'Hãy mở đường dẫn có mã truy cập (VANTHU_URL) mà chương trình in ra khi khởi động.');
      return sendFailure(res, 401, 'UNAUTHORIZED', 'Thiếu hoặc sai mã truy cập của phiên làm việc.');
    }
    // Browsers send Origin on every POST; a GET carrying a foreign Origin is refused as well.
    const origin = req.headers.origin;
    if ((method !== 'GET' && method !== 'HEAD') || origin !== undefined) {
      if (!isAllowedOrigin(origin, port)) return sendFailure(res, 403, 'FORBIDDEN', 'Yêu cầu bị từ chối: nguồn gửi (Origin) không đúng.');
    }

    if (rawPath.startsWith('/api/')) {
      if (method !== 'POST') return sendFailure(res, 405, 'VALIDATION', 'Chức năng chỉ nhận yêu cầu POST.');
      // Channel names are plain ASCII (`domain.verb`): no decoding, an escaped name is simply unknown.
      return handleApi(req, res, rawPath.slice('/api/'.length));
    }
    if (rawPath === '/events') {
      if (method !== 'GET') return sendFailure(res, 405, 'VALIDATION', 'Luồng sự kiện chỉ nhận yêu cầu GET.');
      return handleEvents(req, res);
    }
    if (method !== 'GET' && method !== 'HEAD') return sendFailure(res, 405, 'VALIDATION', 'Phương thức không được hỗ trợ.');
    const outcome = await serveStatic(req, res, options.rendererDir, rawPath);
    if (outcome === 'forbidden') return sendFailure(res, 403, 'FORBIDDEN', 'Đường dẫn không được phép.');
    if (outcome === 'not-found') return sendFailure(res, 404, 'NOT_FOUND', 'Không tìm thấy tệp.');
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((cause: unknown) => {
      log.error('[web-host] request failed', cause instanceof Error ? (cause.stack ?? cause.message) : cause);
      if (!res.headersSent) sendFailure(res, 500, 'INTERNAL', 'Lỗi nội bộ của máy chủ cục bộ.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    origin,
    authUrl: `${origin}/auth?k=${options.secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
