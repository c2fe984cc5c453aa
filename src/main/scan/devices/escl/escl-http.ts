/**
 * HTTP for eSCL with every bound in place (architecture.md: sizes bounded before anything is read into memory):
 * http/https only, no credentials in the address, redirects refused (a device answers itself), a timeout per request
 * joined with the scan's cancel signal, and a cap on each body that is enforced while it streams.
 */
import { AppFailure } from '../../../../shared/api/result';

/** Parse and normalize a scanner address the clerk typed. `http://10.0.0.7` becomes `http://10.0.0.7/eSCL`. Answers false when unacceptable. */
export function parseEsclUrl(value: unknown): URL | false {
  if (typeof value !== 'string' || value.length > 500) return false;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return false;
  if (url.search !== '' || url.hash !== '') return false;
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/eSCL';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

export interface EsclResponse {
  status: number;
  headers: Headers;
  body: Buffer;
}

export interface EsclRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: string;
  /** Largest body read; more is an error. */
  maxBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Thrown for network failures (connection refused, reset, timeout): the device is gone. */
export class DeviceGone extends Error {}

/** One bounded request. Rejects with DeviceGone for network failures, AppFailure TOO_LARGE / CANCELLED otherwise. */
export async function esclFetch(url: URL, req: EsclRequest): Promise<EsclResponse> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal === undefined ? timeout : AbortSignal.any([req.signal, timeout]);
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method ?? 'GET',
      redirect: 'error',
      signal,
      ...(req.body === undefined ? {} : { body: req.body, headers: { 'content-type': 'text/xml; charset=utf-8' } }),
    });
  } catch (cause) {
    if (req.signal?.aborted === true) throw new AppFailure('CANCELLED', 'Đã dừng.');
    throw new DeviceGone((cause as Error).message);
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > req.maxBytes) {
    await res.body?.cancel();
    throw new AppFailure('TOO_LARGE', 'Máy quét mạng gửi dữ liệu quá lớn.', { bytes: declared });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    if (res.body !== null) {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        if (size > req.maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw new AppFailure('TOO_LARGE', 'Máy quét mạng gửi dữ liệu quá lớn.', { bytes: size });
        }
        chunks.push(Buffer.from(chunk));
      }
    }
  } catch (cause) {
    if (cause instanceof AppFailure) throw cause;
    if (req.signal?.aborted === true) throw new AppFailure('CANCELLED', 'Đã dừng.');
    // The connection broke while the body was streaming: the scanner went away mid-page.
    throw new DeviceGone((cause as Error).message);
  }
  return { status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
}
