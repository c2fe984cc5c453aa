// The real web host on loopback (architecture.md "One contract, two transports"; house rules 5, 6, 10):
// per-launch secret, Host and Origin checks, schema checks, bounded bodies, SSE, static files with CSP.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../../src/shared/api/limits';
import type { Result } from '../../../src/shared/api/result';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/web-host/http-security';
import { rawRequest, startTestWebHost, type TestWebHost } from '../../support/web-host';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

let host: TestWebHost;

beforeAll(async () => {
  host = await startTestWebHost();
});
afterAll(async () => {
  await host.stop();
});

function errorCode(body: unknown): string | undefined {
  const result = body as Result<unknown>;
  return result.ok ? undefined : result.error.code;
}

async function blobFiles(): Promise<string[]> {
  const root = join(host.dataDir, 'blobs');
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();
  } catch {
    return [];
  }
}

const post = (headers: Record<string, string>, body = '{}'): Promise<Response> =>
  fetch(`${host.origin}/api/app.info`, { method: 'POST', headers, body });

describe('caller checks', () => {
  it('answers 401 UNAUTHORIZED without the secret', async () => {
    const { 'x-vanthu-secret': _omit, ...headers } = host.apiHeaders();
    const response = await post(headers);
    expect(response.status).toBe(401);
    expect(errorCode(await response.json())).toBe('UNAUTHORIZED');
  });

  it('answers 401 for a wrong secret, in the header or the cookie', async () => {
    const header = await post(host.apiHeaders({ 'x-vanthu-secret': `${host.secret}x` }));
    expect(header.status).toBe(401);
    const { 'x-vanthu-secret': _omit, ...headers } = host.apiHeaders();
    const cookie = await post({ ...headers, cookie: 'vts=wrong-secret-0123456789' });
    expect(cookie.status).toBe(401);
  });

  it('answers 403 FORBIDDEN for a foreign Origin', async () => {
    const response = await post(host.apiHeaders({ origin: 'http://evil.example' }));
    expect(response.status).toBe(403);
    expect(errorCode(await response.json())).toBe('FORBIDDEN');
  });

  it('answers 403 for a POST without Origin', async () => {
    const { origin: _omit, ...headers } = host.apiHeaders();
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { ...headers, host: `127.0.0.1:${host.port}` },
      body: Buffer.from('{}'),
    });
    expect(response.status).toBe(403);
    expect(errorCode(JSON.parse(response.body))).toBe('FORBIDDEN');
  });

  it('answers 403 for a foreign Host (DNS rebinding), even with the secret', async () => {
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { ...host.apiHeaders(), host: `evil.example:${host.port}` },
      body: Buffer.from('{}'),
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('accepts localhost spelling for Host and Origin', async () => {
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { ...host.apiHeaders({ origin: `http://localhost:${host.port}` }), host: `localhost:${host.port}` },
      body: Buffer.from('{}'),
    });
    expect(response.status).toBe(200);
  });

  it('/auth sets the HttpOnly SameSite=Strict cookie and redirects 303 to /', async () => {
    const response = await rawRequest(host.port, { path: `/auth?k=${host.secret}`, headers: { host: `127.0.0.1:${host.port}` } });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(response.headers['set-cookie']).toEqual([`vts=${host.secret}; HttpOnly; SameSite=Strict; Path=/`]);

    const page = await fetch(`${host.origin}/`, { headers: { cookie: `vts=${host.secret}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('/auth with a wrong secret answers a Vietnamese 401 page and no cookie', async () => {
    const response = await rawRequest(host.port, { path: '/auth?k=wrong', headers: { host: `127.0.0.1:${host.port}` } });
    expect(response.status).toBe(401);
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.body).toContain('Mã truy cập không đúng');
  });
});

describe('API', () => {
  it('answers VALIDATION (HTTP 200, a Result) for a request that breaks the schema', async () => {
    const { status, body } = await host.invoke('files.stat', { sha256: '../../etc/passwd' });
    expect(status).toBe(200);
    expect(errorCode(body)).toBe('VALIDATION');
  });

  it('answers NOT_FOUND for an unknown channel', async () => {
    const { status, body } = await host.invoke('files.delete', {});
    expect(status).toBe(200);
    expect(errorCode(body)).toBe('NOT_FOUND');
  });

  it('answers 400 VALIDATION for a body that is not JSON', async () => {
    const response = await fetch(`${host.origin}/api/app.info`, { method: 'POST', headers: host.apiHeaders(), body: '{not json' });
    expect(response.status).toBe(400);
    expect(errorCode(await response.json())).toBe('VALIDATION');
  });

  it('answers 413 TOO_LARGE when the declared body passes MAX_REQUEST_BYTES, before reading it', async () => {
    async function* oneChunk(): AsyncIterable<Buffer> {
      yield Buffer.from('{"mediaType":"application/pdf","dataBase64":"');
    }
    const response = await rawRequest(host.port, {
      method: 'POST',
      path: '/api/files.put',
      headers: { ...host.apiHeaders(), host: `127.0.0.1:${host.port}`, 'content-length': String(MAX_REQUEST_BYTES + 1) },
      body: oneChunk(),
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });

  it('answers 413 TOO_LARGE while streaming a body without Content-Length past the bound', async () => {
    const small = await startTestWebHost({ maxRequestBytes: 4096 });
    try {
      let sent = 0;
      let answered = (): void => undefined;
      const answer = new Promise<void>((r) => (answered = r));
      async function* chunks(): AsyncIterable<Buffer> {
        for (let i = 0; i < 256; i += 1) {
          // After 16 KiB (four times the bound) the upload waits for the answer instead of racing it: a host that
          // answers without reading the rest ends the wait, one that waits for the whole body gets it after a
          // generous deadline and fails the `sent` check below (no fixed pacing, so a busy machine changes nothing).
          if (i === 16) await Promise.race([answer, new Promise((r) => setTimeout(r, 30_000).unref())]);
          sent += 1024;
          yield Buffer.alloc(1024, 0x61);
        }
      }
      const response = await rawRequest(small.port, {
        method: 'POST',
        path: '/api/files.put',
        headers: { ...small.apiHeaders(), host: `127.0.0.1:${small.port}`, 'transfer-encoding': 'chunked' },
        body: chunks(),
      }).finally(() => answered());
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
      expect(sent).toBeLessThan(256 * 1024);
    } finally {
      await small.stop();
    }
  });

  it('files.put of 0 bytes → EMPTY_FILE, of a non-PDF as PDF → NOT_PDF; the blob dir is unchanged', async () => {
    const before = await blobFiles();
    const empty = await host.invoke('files.put', { mediaType: 'application/pdf', dataBase64: '' });
    expect(errorCode(empty.body)).toBe('EMPTY_FILE');
    const notPdf = await host.invoke('files.put', { mediaType: 'application/pdf', dataBase64: Buffer.from('<html>giả mạo</html>').toString('base64') });
    expect(errorCode(notPdf.body)).toBe('NOT_PDF');
    const badBase64 = await host.invoke('files.put', { mediaType: 'application/pdf', dataBase64: 'JVBER!!!' });
    expect(errorCode(badBase64.body)).toBe('VALIDATION');
    expect(await blobFiles()).toEqual(before);
  });

  it('round-trips a PDF: put, stat, get', async () => {
    const put = await host.invoke('files.put', { mediaType: 'application/pdf', dataBase64: PDF.toString('base64') });
    expect(put.body).toMatchObject({ ok: true, value: { size: PDF.length, mediaType: 'application/pdf' } });
    const sha256 = (put.body as { value: { sha256: string } }).value.sha256;
    expect(await host.invoke('files.stat', { sha256 })).toEqual({ status: 200, body: { ok: true, value: { sha256, exists: true, size: PDF.length } } });
    const got = await host.invoke('files.get', { sha256 });
    expect(got.body).toEqual({ ok: true, value: { sha256, size: PDF.length, mediaType: 'application/pdf', dataBase64: PDF.toString('base64') } });
  });

  it('marks API answers Cache-Control: no-store and sets the security headers', async () => {
    const response = await post(host.apiHeaders());
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await response.json()).toEqual({ ok: true, value: { version: '0.0.0-test', dataDir: host.dataDir, transport: 'web' } });
  });
});

describe('events', () => {
  it('streams settings.changed after settings.update, and cleans up on close', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/events`, { headers: { 'x-vanthu-secret': host.secret }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(host.hub.size()).toBe(1);

    const update = await host.invoke('settings.update', { lockAfterMinutes: 7 });
    expect(update.body).toMatchObject({ ok: true, value: { lockAfterMinutes: 7 } });
    const complete = (): boolean => {
      const at = text.indexOf('event: settings.changed');
      return at >= 0 && text.indexOf('\n\n', at) > at;
    };
    while (!complete()) text += decoder.decode((await reader.read()).value, { stream: true });
    const block = text.slice(text.indexOf('event: settings.changed')).split('\n\n')[0]!;
    const data = JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice('data: '.length)) as { lockAfterMinutes: number };
    expect(data.lockAfterMinutes).toBe(7);

    controller.abort();
    await reader.cancel().catch(() => undefined);
    // The hub drops the client once the server sees the connection close: waited for with a generous deadline.
    for (const deadline = Date.now() + 30_000; host.hub.size() > 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    expect(host.hub.size()).toBe(0);
  });

  it('sends keep-alive comments', async () => {
    const quick = await startTestWebHost({ keepAliveMs: 50 });
    try {
      const controller = new AbortController();
      const response = await fetch(`${quick.origin}/events`, { headers: { 'x-vanthu-secret': quick.secret }, signal: controller.signal });
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes(': keep-alive')) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      await reader.cancel().catch(() => undefined);
    } finally {
      await quick.stop();
    }
  });
});

describe('static files', () => {
  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${host.origin}${path}`, { headers: { 'x-vanthu-secret': host.secret, ...headers } });

  it('serves index.html with the strict CSP header', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    // Scripts only from the app itself; WebAssembly may compile (pdf.js image decoders), JavaScript eval may not.
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  });

  it('serves scripts as JavaScript and falls back to index.html for client routes only', async () => {
    const script = await get('/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const route = await get('/so-den/2026');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="root">');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('asks a browser without the secret for the launch link (Vietnamese page)', async () => {
    const response = await fetch(`${host.origin}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('đường dẫn có mã truy cập');
  });

  it.each([['/../package.json'], ['/%2e%2e/package.json'], ['/assets/..%2f..%2f..%2fpackage.json'], ['/..\\package.json']])(
    'refuses the traversal %s',
    async (path) => {
      const response = await rawRequest(host.port, { path, headers: { host: `127.0.0.1:${host.port}`, 'x-vanthu-secret': host.secret } });
      expect(response.status).toBe(403);
      expect(response.body).not.toContain('van-thu-so');
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    },
  );
});
