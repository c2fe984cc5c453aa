/**
 * A loopback exchange axis for tests, the demo and the bench (architecture.md "Real components in tests"): the
 * operations of standards.md §2.1 in the VXP SDK shape (XroadVnpt HMAC, `file_doc`, `hash-file`, getEdoc as JSON
 * with base64 `data`) or the Lạng Sơn `/v1` shape (X-SystemId/X-SecretKey, `edocFile`, raw getEdoc body), an inbox
 * per agency, re-delivery until `done`, and injectable faults (dropped connections, 500s, slow answers, duplicate
 * delivery, corrupt packages).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { checkPlain, checkXroad, type TestSystem } from './test-axis-auth';

export type TestAxisStyle = 'xroad-vnpt' | 'lang-son';

export interface TestAxisAgency {
  id: string;
  code: string;
  code102?: string;
  name: string;
  pid?: string;
  oldCode?: string;
  deleted?: boolean;
}

export interface InboxItem {
  docId: string;
  from: string;
  messageType: 'edoc' | 'status';
  bytes: Buffer;
  createdTime: string;
  state: 'pending' | 'done' | 'fail';
  /** How many times getEdoc served it. */
  served: number;
}

/** Faults, changed by tests at any time; counters count down as they fire. */
export interface TestAxisFaults {
  /** Destroy the socket of the next N requests before answering. */
  dropNext: number;
  /** Answer the next N requests with HTTP 500. */
  error500Next: number;
  /** Send half of the next N getEdoc bodies, then destroy the socket. */
  dropMidBodyNext: number;
  /** Delay every answer by this many ms. */
  slowMs: number;
  /** Every package delivered while set lands twice in the inbox, under two docIds. */
  duplicateDelivery: boolean;
  /** Garble the next N getEdoc answers (the package is served truncated, as if broken in transit). */
  corruptNext: number;
}

export interface SentRecord {
  docId: string;
  from: string;
  to: string[];
  messageType: 'edoc' | 'status';
  bytes: Buffer;
  hashFile: string | null;
}

export interface TestAxis {
  url: string;
  style: TestAxisStyle;
  faults: TestAxisFaults;
  /** Put a package in an agency's inbox (as if another agency sent it); answers its docId(s). */
  deliver(toCode: string, bytes: Uint8Array, options?: { from?: string; messageType?: 'edoc' | 'status'; docId?: string }): string[];
  inbox(code: string): InboxItem[];
  sent(): SentRecord[];
  /** updateStatus calls received, in order. */
  acks(): Array<{ docId: string; status: string; systemId: string }>;
  /** Requests received per operation (after auth). */
  counts(): Record<string, number>;
  /** Requests refused for bad credentials. */
  authFailures(): number;
  close(): Promise<void>;
}

export interface TestAxisOptions {
  style?: TestAxisStyle;
  systems: TestSystem[];
  agencies?: TestAxisAgency[];
  tls?: { certPem: string; keyPem: string };
  /** Bound of an uploaded package (default 150 MiB). */
  maxUpload?: number;
}

const OPS = ['getAgenciesList', 'getReceivedEdocList', 'getEdoc', 'updateStatus', 'sendEdoc', 'getSentEdocList'] as const;
type Op = (typeof OPS)[number];
const REQUIRED: Record<Op, string[]> = {
  getAgenciesList: [],
  getReceivedEdocList: ['servicetype', 'messagetype'],
  getEdoc: ['docId'],
  updateStatus: ['docId', 'status'],
  sendEdoc: ['from', 'to', 'servicetype', 'messagetype', 'hash-file'],
  getSentEdocList: ['docId'],
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > max) throw new Error('too large');
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

function readMultipart(req: IncomingMessage, max: number): Promise<{ fields: Record<string, string>; files: Record<string, Buffer> }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: Record<string, Buffer> = {};
    const bb = busboy({ headers: req.headers, limits: { fileSize: max, files: 2, fields: 20 } });
    bb.on('field', (name, value) => (fields[name] = value));
    bb.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => reject(new Error('too large')));
      stream.on('end', () => (files[name] = Buffer.concat(chunks)));
    });
    bb.on('close', () => resolve({ fields, files }));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

/** Start the test axis on 127.0.0.1 (a free port). */
export async function startTestAxis(options: TestAxisOptions): Promise<TestAxis> {
  const style = options.style ?? 'xroad-vnpt';
  const maxUpload = options.maxUpload ?? 150 * 1024 * 1024;
  const faults: TestAxisFaults = { dropNext: 0, error500Next: 0, dropMidBodyNext: 0, slowMs: 0, duplicateDelivery: false, corruptNext: 0 };
  const inboxes = new Map<string, Map<string, InboxItem>>();
  const sent: SentRecord[] = [];
  const acks: Array<{ docId: string; status: string; systemId: string }> = [];
  const counts: Record<string, number> = {};
  let authFailures = 0;
  const agencies = options.agencies ?? [];

  const inboxOf = (code: string): Map<string, InboxItem> => {
    let box = inboxes.get(code);
    if (!box) inboxes.set(code, (box = new Map()));
    return box;
  };
  const deliver: TestAxis['deliver'] = (toCode, bytes, o = {}) => {
    const copies = faults.duplicateDelivery ? 2 : 1;
    const ids: string[] = [];
    for (let i = 0; i < copies; i += 1) {
      const docId = i === 0 && o.docId ? o.docId : randomUUID();
      inboxOf(toCode).set(docId, { docId, from: o.from ?? '000.00.00.G22', messageType: o.messageType ?? 'edoc', bytes: Buffer.from(bytes), createdTime: new Date().toISOString(), state: 'pending', served: 0 });
      ids.push(docId);
    }
    return ids;
  };

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const okEnv = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ status: 'OK', ErrorCode: '0', ErrorDesc: '', ...extra });
  const failEnv = (code: string, desc: string): Record<string, unknown> => ({ status: 'FAIL', ErrorCode: code, ErrorDesc: desc });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (faults.dropNext > 0) {
      faults.dropNext -= 1;
      req.socket.destroy();
      return;
    }
    if (faults.slowMs > 0) await sleep(faults.slowMs);
    if (faults.error500Next > 0) {
      faults.error500Next -= 1;
      send(res, 500, { status: 'FAIL', ErrorCode: '500', ErrorDesc: 'Internal Server Error' });
      return;
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const prefix = style === 'lang-son' ? '/v1/' : '/';
    const op = path.startsWith(prefix) ? (path.slice(prefix.length) as Op) : null;
    if (req.method !== 'POST' || op === null || !OPS.includes(op)) return send(res, 404, failEnv('404', 'not found'));
    const auth = style === 'lang-son' ? checkPlain(req.headers, options.systems) : checkXroad(req.headers, options.systems, REQUIRED[op]);
    if (!auth.ok) {
      authFailures += 1;
      req.resume();
      return style === 'lang-son' ? send(res, 200, failEnv('15', 'Sai SystemId/SecretKey')) : send(res, 401, failEnv('401', auth.reason));
    }
    counts[op] = (counts[op] ?? 0) + 1;
    const me = auth.system;
    let params: Record<string, string> = auth.params;
    let upload: Buffer | null = null;
    if (op === 'sendEdoc') {
      const form = await readMultipart(req, maxUpload);
      upload = form.files[style === 'lang-son' ? 'edocFile' : 'file_doc'] ?? null;
      if (style === 'lang-son') params = { ...form.fields };
    } else {
      const body = await readBody(req, 1024 * 1024);
      if (style === 'lang-son') params = JSON.parse(body.toString('utf8') || '{}') as Record<string, string>;
    }
    const kind = (params.messagetype ?? params.messageType ?? 'edoc') === 'status' ? 'status' : 'edoc';
    switch (op) {
      case 'getAgenciesList':
        return send(res, 200, okEnv({ data: agencies }));
      case 'getReceivedEdocList': {
        const data = [...inboxOf(me.agencyCode).values()]
          .filter((i) => i.state === 'pending' && i.messageType === kind)
          .map((i) => ({ docId: i.docId, serviceType: 'eDoc', messageType: i.messageType, created_time: i.createdTime, from: i.from, to: me.agencyCode, status: 'initial' }));
        return send(res, 200, okEnv({ data }));
      }
      case 'getEdoc': {
        const item = inboxOf(me.agencyCode).get(params.docId ?? '');
        if (!item) return send(res, 200, failEnv('404', 'Không tìm thấy văn bản'));
        item.served += 1;
        let bytes = item.bytes;
        if (faults.corruptNext > 0) {
          faults.corruptNext -= 1;
          bytes = Buffer.concat([bytes.subarray(0, Math.floor(bytes.length / 3)), Buffer.from('\u0000garbled')]);
        }
        const body = style === 'lang-son' ? bytes : Buffer.from(JSON.stringify(okEnv({ data: bytes.toString('base64') })));
        res.writeHead(200, { 'Content-Type': style === 'lang-son' ? 'application/xml' : 'application/json', 'Content-Length': body.length });
        if (faults.dropMidBodyNext > 0) {
          faults.dropMidBodyNext -= 1;
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
          return;
        }
        res.end(body);
        return;
      }
      case 'updateStatus': {
        acks.push({ docId: params.docId ?? '', status: params.status ?? '', systemId: me.systemId });
        const item = inboxOf(me.agencyCode).get(params.docId ?? '');
        if (!item) return send(res, 200, failEnv('404', 'Không tìm thấy văn bản'));
        if (params.status === 'done' || params.status === 'fail') item.state = params.status;
        return send(res, 200, okEnv());
      }
      case 'sendEdoc': {
        if (!upload || upload.length === 0) return send(res, 200, failEnv('10', 'File không hợp lệ'));
        const hashFile = params['hash-file'] ?? null;
        if (hashFile !== null && createHash('sha256').update(upload).digest('hex') !== hashFile) return send(res, 200, failEnv('21', 'hash-file không khớp'));
        const to = style === 'lang-son' ? [] : (JSON.parse(params.to ?? '[]') as string[]);
        const docId = randomUUID();
        sent.push({ docId, from: params.from ?? me.agencyCode, to, messageType: kind, bytes: upload, hashFile });
        for (const code of to) deliver(code, upload, { from: me.agencyCode, messageType: kind });
        return send(res, 200, okEnv({ DocId: docId }));
      }
      case 'getSentEdocList': {
        const record = sent.find((s) => s.docId === params.docId);
        const data = (record?.to ?? []).map((toCode) => ({ senderDocId: record!.docId, toCode, fromCode: record!.from, sendStatus: 'done' }));
        return send(res, 200, okEnv({ data }));
      }
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, failEnv('500', 'error'));
      else res.destroy();
    });
  };
  const server = options.tls ? createHttps({ cert: options.tls.certPem, key: options.tls.keyPem }, listener) : createHttp(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    style,
    faults,
    deliver,
    inbox: (code) => [...inboxOf(code).values()],
    sent: () => [...sent],
    acks: () => [...acks],
    counts: () => ({ ...counts }),
    authFailures: () => authFailures,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
