/**
 * The renderer's only way to main (house rule 8). Inside Electron the preload has put `window.desktop`
 * there; in a browser served by the web host the same contract runs over `POST /api/<channel>` and
 * server-sent events on `/events`. Views cannot tell the two apart.
 */
import { createClient, type ApiClient } from '../../shared/api/client';
import type { Channel, Transport } from '../../shared/api/contract';
import { isAppErrorCode, type Result } from '../../shared/api/result';

declare global {
  interface Window {
    /** Installed by src/preload/index.ts in Electron; absent in the browser. */
    desktop?: Transport;
  }
}

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
type EventSourceFactory = (url: string) => Pick<EventSource, 'addEventListener' | 'removeEventListener' | 'close'>;

export interface WebTransportOptions {
  fetch?: FetchLike;
  eventSource?: EventSourceFactory;
}

/** The result an HTTP status stands for when the body is not a Result (a proxy page, an empty 502). */
function resultForStatus(status: number): Result<never> {
  if (status === 413) return { ok: false, error: { code: 'TOO_LARGE', message: `HTTP ${status}` } };
  if (status === 401) return { ok: false, error: { code: 'UNAUTHORIZED', message: `HTTP ${status}` } };
  if (status === 403) return { ok: false, error: { code: 'FORBIDDEN', message: `HTTP ${status}` } };
  return { ok: false, error: { code: 'INTERNAL', message: `HTTP ${status}` } };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; value?: unknown; error?: { code?: unknown } };
  if (v.ok === true) return true;
  return v.ok === false && typeof v.error === 'object' && v.error !== null && isAppErrorCode(v.error.code);
}

/**
 * Transport over the web host: every answer is a JSON Result, also for HTTP 4xx/5xx (a 413 carries
 * TOO_LARGE). A network failure rejects, and `createClient` turns that into INTERNAL.
 */
export function createWebTransport(options: WebTransportOptions = {}): Transport {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const makeSource: EventSourceFactory = options.eventSource ?? ((url) => new EventSource(url, { withCredentials: true }));
  let source: ReturnType<EventSourceFactory> | null = null;
  let listeners = 0;

  return {
    async invoke(channel: Channel, request: unknown): Promise<Result<unknown>> {
      const response = await doFetch(`/api/${channel}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request ?? {}),
      });
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return resultForStatus(response.ok ? 500 : response.status);
      }
      return isResult(body) ? body : resultForStatus(response.ok ? 500 : response.status);
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      source ??= makeSource('/events');
      listeners += 1;
      const handler = (message: Event): void => {
        const data = (message as MessageEvent<string>).data;
        try {
          listener(JSON.parse(data) as unknown);
        } catch {
          console.warn('[events] unreadable payload for', event);
        }
      };
      const current = source;
      current.addEventListener(event, handler);
      return () => {
        current.removeEventListener(event, handler);
        listeners -= 1;
        if (listeners === 0 && source === current) {
          current.close();
          source = null;
        }
      };
    },
  };
}

/** Chooses the Electron bridge when present, the web host otherwise. */
export function createPlatformApi(win: Pick<Window, 'desktop'> = window): ApiClient {
  return createClient(win.desktop ?? createWebTransport());
}
