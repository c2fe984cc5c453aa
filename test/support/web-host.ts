/**
 * Start and stop the real web host in-process for tests: a temp data directory, a tiny temp renderer directory
 * (or a given one), the repository's assets, a free loopback port and a fixed secret. Also a raw HTTP helper,
 * because `fetch` normalizes paths (`/../x`) and will not send a foreign Host header.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServices, type Services } from '../../src/main/host/compose';
import { createHandlers } from '../../src/main/host/handlers';
import { createEventHub, type EventHub } from '../../src/main/web-host/event-hub';
import { SECRET_HEADER } from '../../src/main/web-host/http-security';
import { resolveAppPaths } from '../../src/main/web-host/paths';
import { startWebHost } from '../../src/main/web-host/server';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789';

/** A minimal built renderer: index.html plus one script, enough to test static serving. */
export const TINY_RENDERER: Readonly<Record<string, string>> = {
  'index.html': '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Văn thư số</title><script type="module" src="./assets/app.js"></script></head><body><div id="root"></div></body></html>',
  'assets/app.js': 'document.getElementById("root").textContent = "Văn thư số";\n',
};

export interface TestWebHostOptions {
  secret?: string;
  /** Files of a temp renderer dir (default TINY_RENDERER); ignored when `rendererDir` is given. */
  rendererFiles?: Readonly<Record<string, string>>;
  rendererDir?: string;
  /** Use this data dir instead of a fresh temp one (it is not deleted by `stop`). */
  dataDir?: string;
  maxRequestBytes?: number;
  keepAliveMs?: number;
}

export interface TestWebHost {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  authUrl: string;
  secret: string;
  dataDir: string;
  rendererDir: string;
  services: Services;
  hub: EventHub;
  /** Headers of a legitimate API call from the app's own page. */
  apiHeaders(extra?: Record<string, string>): Record<string, string>;
  /** POST /api/<channel> as the app would; answers the HTTP status and the parsed JSON body. */
  invoke(channel: string, body: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** Start a web host on a free port of 127.0.0.1. Always call `stop()` (afterAll/afterEach). */
export async function startTestWebHost(options: TestWebHostOptions = {}): Promise<TestWebHost> {
  const secret = options.secret ?? TEST_SECRET;
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'vanthu-webhost-data-')));
  const ownRenderer = options.rendererDir === undefined;
  const rendererDir = options.rendererDir ?? (await mkdtemp(join(tmpdir(), 'vanthu-webhost-renderer-')));
  if (ownRenderer) {
    for (const [name, content] of Object.entries(options.rendererFiles ?? TINY_RENDERER)) {
      await mkdir(dirname(join(rendererDir, name)), { recursive: true });
      await writeFile(join(rendererDir, name), content);
    }
  }
  const hub = createEventHub();
  const services = createServices({
    dataDir,
    assetsDir: resolveAppPaths().assetsDir,
    transport: 'web',
    version: '0.0.0-test',
    emit: (event, payload) => hub.emit(event, payload),
  });
  const host = await startWebHost({
    handlers: createHandlers(services),
    hub,
    port: 0,
    secret,
    rendererDir,
    ...(options.maxRequestBytes === undefined ? {} : { maxRequestBytes: options.maxRequestBytes }),
    ...(options.keepAliveMs === undefined ? {} : { keepAliveMs: options.keepAliveMs }),
  });

  const apiHeaders = (extra: Record<string, string> = {}): Record<string, string> => ({
    'content-type': 'application/json',
    origin: host.origin,
    [SECRET_HEADER]: secret,
    ...extra,
  });

  return {
    port: host.port,
    origin: host.origin,
    authUrl: host.authUrl,
    secret,
    dataDir,
    rendererDir,
    services,
    hub,
    apiHeaders,
    async invoke(channel, body) {
      const response = await fetch(`${host.origin}/api/${channel}`, { method: 'POST', headers: apiHeaders(), body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    async stop() {
      await host.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      if (ownRenderer) await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request with exactly the given path and headers (no normalization, Host may be forged).
 * `body` may be a Buffer or an async iterable of chunks (streamed without Content-Length).
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | AsyncIterable<Buffer> },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    // After the server answered early (413) and closed, the rest of our upload fails: that is expected.
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const body = options.body;
    if (body === undefined) {
      req.end();
    } else if (Buffer.isBuffer(body)) {
      req.end(body);
    } else {
      void (async () => {
        try {
          for await (const chunk of body) {
            if (answered || req.destroyed) break;
            if (!req.write(chunk)) {
              await new Promise<void>((r) => {
                req.once('drain', () => r());
                req.once('close', () => r());
              });
            }
          }
          req.end();
        } catch (error) {
          if (!answered) reject(error as Error);
        }
      })();
    }
  });
}
