// The web-host transport (house rule 8): every answer is a Result, also on HTTP errors; a network failure
// becomes INTERNAL through createClient; events come from one EventSource on /events.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../../src/shared/api/client';
import { createPlatformApi, createWebTransport } from '../../../../src/renderer/platform/api';
import type { Transport } from '../../../../src/shared/api/contract';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('web transport', () => {
  it('posts JSON to /api/<channel> with same-origin credentials and passes an ok Result through', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: { version: '0.1.0', dataDir: '/d', transport: 'web' } }));
    const api = createClient(createWebTransport({ fetch }));
    const result = await api.invoke('app.info', {});
    expect(result).toEqual({ ok: true, value: { version: '0.1.0', dataDir: '/d', transport: 'web' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/app.info');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({});
  });

  it('passes a failure Result through unchanged, whatever the HTTP status', async () => {
    const failure = { ok: false, error: { code: 'NOT_PDF', message: 'missing %PDF- header' } };
    const api = createClient(createWebTransport({ fetch: async () => jsonResponse(422, failure) }));
    expect(await api.invoke('files.put', { mediaType: 'application/pdf', dataBase64: 'AAAA' })).toEqual(failure);
  });

  it('reads the TOO_LARGE Result from an HTTP 413 body', async () => {
    const body = { ok: false, error: { code: 'TOO_LARGE', message: 'request body over the limit' } };
    const api = createClient(createWebTransport({ fetch: async () => jsonResponse(413, body) }));
    const result = await api.invoke('files.put', { mediaType: 'application/pdf', dataBase64: 'AAAA' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('TOO_LARGE');
  });

  it('maps a 413 without a JSON body to TOO_LARGE and any other unreadable answer to INTERNAL', async () => {
    const tooBig = createClient(createWebTransport({ fetch: async () => new Response('<html>413</html>', { status: 413 }) }));
    const r1 = await tooBig.invoke('settings.get', {});
    expect(!r1.ok && r1.error.code).toBe('TOO_LARGE');
    const broken = createClient(createWebTransport({ fetch: async () => new Response('not json', { status: 502 }) }));
    const r2 = await broken.invoke('settings.get', {});
    expect(!r2.ok && r2.error.code).toBe('INTERNAL');
    const odd = createClient(createWebTransport({ fetch: async () => jsonResponse(200, { ok: false, error: { code: 'NOPE' } }) }));
    const r3 = await odd.invoke('settings.get', {});
    expect(!r3.ok && r3.error.code).toBe('INTERNAL');
  });

  it('turns a network error into INTERNAL', async () => {
    const api = createClient(
      createWebTransport({
        fetch: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    const result = await api.invoke('settings.get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });

  it('delivers events from one EventSource on /events and closes it after the last unsubscribe', () => {
    const listeners = new Map<string, (e: Event) => void>();
    const source = {
      addEventListener: vi.fn((name: string, fn: (e: Event) => void) => listeners.set(name, fn)),
      removeEventListener: vi.fn((name: string) => listeners.delete(name)),
      close: vi.fn(),
    };
    const factory = vi.fn(() => source as unknown as EventSource);
    const api = createClient(createWebTransport({ fetch: async () => jsonResponse(200, {}), eventSource: factory }));
    const seen: unknown[] = [];
    const off1 = api.on('job.progress', (p) => seen.push(p));
    const off2 = api.on('settings.changed', (s) => seen.push(s));
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith('/events');
    const progress = { jobId: 'job-12345678', label: 'In sổ', done: 3, total: 10, state: 'running' };
    listeners.get('job.progress')?.(new MessageEvent('job.progress', { data: JSON.stringify(progress) }));
    expect(seen).toEqual([progress]);
    off1();
    expect(source.close).not.toHaveBeenCalled();
    off2();
    expect(source.close).toHaveBeenCalledTimes(1);
  });
});

describe('platform choice', () => {
  it('uses window.desktop (the Electron preload) when it is there', async () => {
    const desktop: Transport = {
      invoke: vi.fn(async () => ({ ok: true as const, value: { version: '1', dataDir: '/x', transport: 'electron' } })),
      on: vi.fn(() => () => undefined),
    };
    const api = createPlatformApi({ desktop });
    const result = await api.invoke('app.info', {});
    expect(desktop.invoke).toHaveBeenCalledWith('app.info', {});
    expect(result.ok && result.value.transport).toBe('electron');
  });
});
