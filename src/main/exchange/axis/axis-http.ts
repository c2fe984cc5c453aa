/**
 * HTTP(S) exchanges with an axis for the adapters: JSON posts, multipart uploads streamed from a file, streamed
 * downloads. Certificate verification is always on (the option to turn it off does not exist here); a provincial
 * axis whose chain ends in its own CA is trusted by adding that CA (`caPem`) to the system roots, never by
 * skipping the check. Every exchange has a deadline and every buffered answer a size bound.
 */
import { createReadStream } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';
import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../shared/api/result';

export interface AxisTransportOptions {
  /** Base URL; operation paths are appended (`https://truc.laichau.gov.vn/vxp` + `/getEdoc`). */
  endpoint: string;
  /** Extra trust anchor(s) in PEM for the axis' TLS chain, added to the system roots. */
  caPem?: string | null;
  /** Deadline of one exchange without progress (connect, or silence between chunks). Default 60 s. */
  timeoutMs?: number;
  /** Bound of a buffered JSON answer. Default 64 MiB (a full agency directory is large). */
  maxJsonBytes?: number;
}

export interface FilePart {
  field: string;
  fileName: string;
  contentType: string;
  path: string;
  size: number;
}

export interface AxisTransport {
  readonly endpoint: URL;
  /** POST a JSON body; answers the parsed JSON. */
  postJson(path: string, headers: OutgoingHttpHeaders, body: unknown): Promise<unknown>;
  /** POST multipart/form-data: text fields, then the file streamed from disk; answers the parsed JSON. */
  postMultipart(path: string, headers: OutgoingHttpHeaders, fields: Record<string, string>, file: FilePart): Promise<unknown>;
  /** POST a JSON body and hand back the answer as a stream (the caller bounds it). */
  postForStream(path: string, headers: OutgoingHttpHeaders, body: unknown): Promise<{ contentType: string; body: AsyncIterable<Uint8Array> }>;
}

/** Vietnamese reason of a network-level failure. */
export function networkReason(cause: unknown, timeoutMs: number): string {
  const code = (cause as NodeJS.ErrnoException)?.code ?? '';
  if (code === 'ETIMEDOUT_AXIS') return `Trục liên thông không trả lời trong ${Math.round(timeoutMs / 1000)} giây.`;
  if (code === 'ECONNREFUSED') return 'Trục liên thông từ chối kết nối (máy chủ không chạy hoặc sai địa chỉ).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Không tìm thấy máy chủ Trục liên thông (kiểm tra địa chỉ hoặc mạng).';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') return 'Kết nối tới Trục liên thông bị ngắt giữa chừng.';
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'Mất kết nối mạng tới Trục liên thông.';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME/i.test(code)) {
    return `Chứng thư TLS của Trục liên thông không được tin cậy (${code}); cần tệp CA do đơn vị vận hành trục cung cấp.`;
  }
  return `Lỗi kết nối tới Trục liên thông${code ? ` (${code})` : ''}.`;
}

function unreachable(cause: unknown, timeoutMs: number): AppFailure {
  if (cause instanceof AppFailure) return cause;
  const code = (cause as NodeJS.ErrnoException)?.code ?? null;
  return new AppFailure('AXIS_UNREACHABLE', networkReason(cause, timeoutMs), { networkCode: code });
}

function statusFailure(status: number, text: string): AppFailure {
  const snippet = text.slice(0, 200);
  if (status >= 500) return new AppFailure('AXIS_UNREACHABLE', `Trục liên thông đang gặp lỗi hệ thống (HTTP ${status}).`, { httpStatus: status, body: snippet });
  if (status === 401 || status === 403) return new AppFailure('AXIS_REJECTED', `Trục liên thông từ chối xác thực (HTTP ${status}): kiểm tra mã hệ thống và khóa bí mật.`, { httpStatus: status, body: snippet });
  return new AppFailure('AXIS_REJECTED', `Trục liên thông từ chối yêu cầu (HTTP ${status}).`, { httpStatus: status, body: snippet });
}

async function readBounded(res: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      res.destroy();
      throw new AppFailure('TOO_LARGE', 'Câu trả lời của Trục liên thông vượt giới hạn cho phép.', { max });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppFailure('AXIS_REJECTED', 'Trục liên thông trả lời không đúng định dạng JSON.', { body: bytes.subarray(0, 200).toString('utf8') });
  }
}

/** Build the transport of one endpoint. Errors: VALIDATION (endpoint not http/https, credentials in the URL). */
export function createAxisTransport(options: AxisTransportOptions): AxisTransport {
  let endpoint: URL;
  try {
    endpoint = new URL(options.endpoint);
  } catch {
    throw new AppFailure('VALIDATION', 'Địa chỉ Trục liên thông không hợp lệ.');
  }
  if ((endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') || endpoint.username || endpoint.password) {
    throw new AppFailure('VALIDATION', 'Địa chỉ Trục liên thông phải là http(s):// và không chứa tên đăng nhập.');
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxJson = options.maxJsonBytes ?? 64 * 1024 * 1024;
  const ca = options.caPem ? [...rootCertificates, options.caPem] : undefined;
  const base = endpoint.href.replace(/\/+$/, '');

  /** One request; `write` feeds the body. Resolves with the response once its headers arrived. */
  function exchange(path: string, headers: OutgoingHttpHeaders, write: (req: NodeJS.WritableStream & { end(): void }) => Promise<void>): Promise<IncomingMessage> {
    const url = new URL(base + path);
    return new Promise<IncomingMessage>((resolve, reject) => {
      const settle = { done: false };
      const fail = (cause: unknown): void => {
        if (settle.done) return;
        settle.done = true;
        reject(unreachable(cause, timeoutMs));
      };
      const opts = { method: 'POST', headers, timeout: timeoutMs, ...(ca ? { ca } : {}) };
      let req: ReturnType<typeof httpRequest>;
      try {
        req = url.protocol === 'https:' ? httpsRequest(url, { ...opts, rejectUnauthorized: true }) : httpRequest(url, opts);
      } catch {
        // Node refuses header values it cannot put on the wire before anything is sent.
        settle.done = true;
        reject(new AppFailure('VALIDATION', 'Tham số gửi tới Trục liên thông chứa ký tự không hợp lệ.'));
        return;
      }
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_AXIS' })));
      req.on('error', fail);
      req.on('response', (res) => {
        if (settle.done) return;
        settle.done = true;
        res.setTimeout(timeoutMs, () => res.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_AXIS' })));
        resolve(res);
      });
      write(req).catch((cause: unknown) => {
        req.destroy(cause as Error);
        fail(cause);
      });
    });
  }

  async function json(res: IncomingMessage): Promise<unknown> {
    const bytes = await readBounded(res, maxJson).catch((cause: unknown) => {
      throw unreachable(cause, timeoutMs);
    });
    if ((res.statusCode ?? 0) >= 300) throw statusFailure(res.statusCode ?? 0, bytes.toString('utf8'));
    return parseJson(bytes);
  }

  const jsonBody = (body: unknown): Buffer => Buffer.from(JSON.stringify(body ?? {}), 'utf8');

  return {
    endpoint,
    async postJson(path, headers, body) {
      const bytes = jsonBody(body);
      const res = await exchange(path, { ...headers, 'Content-Length': bytes.length }, async (req) => {
        req.end(bytes as never);
      });
      return json(res);
    },
    async postMultipart(path, headers, fields, file) {
      const boundary = `----vanthu${randomBytes(12).toString('hex')}`;
      const head = Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join('');
      const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.fileName}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
      const pre = Buffer.from(head + fileHead, 'utf8');
      const post = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
      const length = pre.length + file.size + post.length;
      const res = await exchange(path, { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': length }, async (req) => {
        const write = (chunk: Buffer): Promise<void> =>
          new Promise((resolve) => {
            if (req.write(chunk as never)) resolve();
            else req.once('drain', () => resolve());
          });
        await write(pre);
        let sent = 0;
        for await (const chunk of createReadStream(file.path) as AsyncIterable<Buffer>) {
          sent += chunk.length;
          await write(chunk);
        }
        if (sent !== file.size) throw Object.assign(new Error('package file changed while sending'), { code: 'EFILECHANGED' });
        req.end(post as never);
      });
      return json(res);
    },
    async postForStream(path, headers, body) {
      const bytes = jsonBody(body);
      const res = await exchange(path, { ...headers, 'Content-Length': bytes.length }, async (req) => {
        req.end(bytes as never);
      });
      if ((res.statusCode ?? 0) >= 300) {
        const text = await readBounded(res, 64 * 1024).catch(() => Buffer.alloc(0));
        throw statusFailure(res.statusCode ?? 0, text.toString('utf8'));
      }
      const stream = (async function* () {
        try {
          for await (const chunk of res as AsyncIterable<Buffer>) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
        } catch (cause) {
          throw unreachable(cause, timeoutMs);
        }
        if (!res.complete) throw new AppFailure('AXIS_UNREACHABLE', networkReason({ code: 'ECONNRESET' }, timeoutMs));
      })();
      return { contentType: String(res.headers['content-type'] ?? ''), body: stream };
    },
  };
}
