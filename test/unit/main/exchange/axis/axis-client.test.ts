// Both AxisClient adapters against the loopback test axis (standards.md §2.1–2.4): every operation round trip,
// the HMAC check, Vietnamese reasons for network and axis failures, HTTPS with a provincial CA file.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxisClient, AxisHeaderStyle } from '../../../../../src/main/exchange/axis/axis-client';
import { createAxisClient } from '../../../../../src/main/exchange/axis/create-axis-client';
import { xroadTimestamp, xroadVnptHeaders } from '../../../../../src/main/exchange/axis/xroad-vnpt-headers';
import { failureOf } from '../../../../support/failure-of';
import { parseXroadTimestamp } from '../../../../support/axis/test-axis-auth';
import { startTestAxis, type TestAxis } from '../../../../support/axis/test-axis';
import { createTestTls, type TestTls } from '../../../../support/axis/test-axis-tls';

const A = { systemId: 'sys-a', secret: 'secret-a-0123456789', agencyCode: '000.00.00.H35' };
const B = { systemId: 'sys-b', secret: 'secret-b-9876543210', agencyCode: '000.00.01.H35' };
const AGENCIES = [
  { id: '1', code: 'H35', code102: '000.00.00.H35', name: 'Ủy ban nhân dân tỉnh Lai Châu' },
  { id: '2', code: '000.00.01.H35', name: 'Sở Nội vụ tỉnh Lai Châu', pid: '1', oldCode: '000.00.09.H35' },
];
const PACKAGE = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">thử</edXML>');

async function drain(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of stream) parts.push(c);
  return Buffer.concat(parts);
}

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'axis-client-'));
  file = join(dir, 'out.edxml');
  await writeFile(file, PACKAGE);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const sendRequest = (to: string[]) => ({ file, size: PACKAGE.length, sha256: createHash('sha256').update(PACKAGE).digest('hex'), messageType: 'edoc' as const, from: A.agencyCode, to });

describe('XroadVnpt headers (§2.2)', () => {
  it('writes the timestamp as ddMMyyyyTHHmmss+SSSS in Vietnam time and the test axis reads it back', () => {
    const at = new Date('2026-12-01T17:05:09.042Z');
    expect(xroadTimestamp(at)).toBe('02122026T000509+0042');
    expect(parseXroadTimestamp(xroadTimestamp(at))).toBe(at.getTime());
  });

  it('signs every key it sends, in order, with HMAC-SHA256 over the sign-header JSON', () => {
    const h = xroadVnptHeaders({ systemId: 's', secret: 'k', contentType: 'application/json', params: [['docId', 'd1']], now: new Date(0) });
    expect(h['XroadVnpt-sign-header-key']).toBe('systemid;timestamp;Content-Type;docId');
    expect(JSON.parse(h['XroadVnpt-sign-header']!)).toEqual({ 'XroadVnpt-systemid': 's', 'XroadVnpt-timestamp': h['XroadVnpt-timestamp'], 'XroadVnpt-Content-Type': 'application/json', 'XroadVnpt-docId': 'd1' });
    expect(h['XroadVnpt-hash-header']).toMatch(/^[0-9a-f]{64}$/);
    expect(h['User-Agent']).toBe('JAVASDKAgent/1.0.0 XRoad/VPCP');
  });

  it('refuses a header value that is not ASCII (it would break the HMAC on the wire)', async () => {
    const f = await failureOf(Promise.resolve().then(() => xroadVnptHeaders({ systemId: 's', secret: 'k', contentType: 'x', params: [['to', 'Lai Châu']], now: new Date() })));
    expect(f.code).toBe('VALIDATION');
  });
});

describe.each<AxisHeaderStyle>(['xroad-vnpt', 'lang-son'])('adapter %s against the test axis', (style) => {
  let axis: TestAxis;
  let a: AxisClient;
  let b: AxisClient;
  beforeAll(async () => {
    axis = await startTestAxis({ style, systems: [A, B], agencies: AGENCIES });
    a = createAxisClient({ endpoint: axis.url, headerStyle: style, systemId: A.systemId, secret: A.secret });
    b = createAxisClient({ endpoint: axis.url, headerStyle: style, systemId: B.systemId, secret: B.secret });
  });
  afterAll(async () => axis.close());

  it('lists agencies with both code forms and the retired code', async () => {
    const list = await a.listAgencies();
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ code102: '000.00.00.H35', codeQd20: 'H35', name: 'Ủy ban nhân dân tỉnh Lai Châu' });
    expect(list[1]).toMatchObject({ code102: '000.00.01.H35', oldCode: '000.00.09.H35', parentId: '1' });
  });

  it('lists, downloads and acknowledges a package; after done it is not listed again', async () => {
    const [docId] = axis.deliver(A.agencyCode, PACKAGE);
    const inbox = await a.listInbox('edoc');
    expect(inbox.map((e) => e.docId)).toContain(docId);
    expect(await drain(await a.getPackage(docId!, 1024 * 1024))).toEqual(PACKAGE);
    expect((await a.listInbox('edoc')).map((e) => e.docId)).toContain(docId); // re-delivered until done (§2.3)
    await a.acknowledge(docId!, 'done');
    expect((await a.listInbox('edoc')).map((e) => e.docId)).not.toContain(docId);
    expect(axis.acks().at(-1)).toEqual({ docId, status: 'done', systemId: A.systemId });
  });

  it('sends a package with its hash and the receipt carries the axis DocId and acknowledgement time', async () => {
    const before = Date.now();
    const receipt = await a.send(sendRequest([B.agencyCode]));
    const record = axis.sent().find((s) => s.docId === receipt.docId);
    expect(record?.bytes).toEqual(PACKAGE);
    expect(Date.parse(receipt.acknowledgedAt)).toBeGreaterThanOrEqual(before);
    if (style === 'xroad-vnpt') {
      expect(record?.hashFile).toBe(sendRequest([]).sha256);
      expect((await b.listInbox('edoc')).length).toBe(1);
      expect((await a.sentStatus(receipt.docId, 'edoc'))[0]).toMatchObject({ toCode: B.agencyCode });
    }
  });

  it('bounds a download: TOO_LARGE past maxBytes', async () => {
    const [docId] = axis.deliver(A.agencyCode, Buffer.alloc(4096, 0x41));
    const f = await failureOf(a.getPackage(docId!, 1000).then(drain));
    expect(f.code).toBe('TOO_LARGE');
  });

  it('a wrong secret is refused by the axis: AXIS_REJECTED with a Vietnamese reason', async () => {
    const wrong = createAxisClient({ endpoint: axis.url, headerStyle: style, systemId: A.systemId, secret: 'sai' });
    const f = await failureOf(wrong.listInbox('edoc'));
    expect(f.code).toBe('AXIS_REJECTED');
    expect(f.message).toMatch(/xác thực|khóa bí mật/);
    expect(axis.authFailures()).toBeGreaterThan(0);
  });

  it('500, a dropped connection and a body cut midway are AXIS_UNREACHABLE with a reason', async () => {
    axis.faults.error500Next = 1;
    expect((await failureOf(a.listInbox('edoc'))).message).toMatch(/lỗi hệ thống/);
    axis.faults.dropNext = 1;
    expect((await failureOf(a.listInbox('edoc'))).message).toMatch(/ngắt|kết nối/);
    const [docId] = axis.deliver(A.agencyCode, Buffer.alloc(200_000, 0x42));
    axis.faults.dropMidBodyNext = 1;
    const f = await failureOf(a.getPackage(docId!, 1 << 20).then(drain));
    expect(f.code).toBe('AXIS_UNREACHABLE');
  });

  it('a slow axis past the deadline is AXIS_UNREACHABLE, not a hang', async () => {
    const impatient = createAxisClient({ endpoint: axis.url, headerStyle: style, systemId: A.systemId, secret: A.secret, timeoutMs: 200 });
    axis.faults.slowMs = 5_000;
    try {
      const f = await failureOf(impatient.listInbox('edoc'));
      expect(f.code).toBe('AXIS_UNREACHABLE');
      expect(f.message).toMatch(/không trả lời/);
    } finally {
      axis.faults.slowMs = 0;
    }
  });
});

describe('HTTPS with a provincial CA file', () => {
  let tls: TestTls;
  let axis: TestAxis;
  beforeAll(async () => {
    tls = await createTestTls();
    axis = await startTestAxis({ systems: [A], agencies: AGENCIES, tls });
  });
  afterAll(async () => axis.close());

  it('works when the CA is given and never without it (verification stays on)', async () => {
    const trusted = createAxisClient({ endpoint: axis.url, headerStyle: 'xroad-vnpt', systemId: A.systemId, secret: A.secret, caPem: tls.caPem });
    expect(await trusted.listAgencies()).toHaveLength(2);
    const untrusted = createAxisClient({ endpoint: axis.url, headerStyle: 'xroad-vnpt', systemId: A.systemId, secret: A.secret });
    const f = await failureOf(untrusted.listAgencies());
    expect(f.code).toBe('AXIS_UNREACHABLE');
    expect(f.message).toMatch(/TLS/);
  });

  it('refuses a certificate for another host name even with the CA', async () => {
    const other = createAxisClient({ endpoint: axis.url.replace('127.0.0.1', 'localhost.localdomain'), headerStyle: 'xroad-vnpt', systemId: A.systemId, secret: A.secret, caPem: tls.caPem });
    expect((await failureOf(other.listAgencies())).code).toBe('AXIS_UNREACHABLE');
  });
});

describe('configuration', () => {
  it('no endpoint or no secret is AXIS_NOT_CONFIGURED; a URL with credentials is VALIDATION', async () => {
    expect((await failureOf(Promise.resolve().then(() => createAxisClient({ endpoint: null, headerStyle: 'xroad-vnpt', systemId: 'x', secret: 'y' })))).code).toBe('AXIS_NOT_CONFIGURED');
    expect((await failureOf(Promise.resolve().then(() => createAxisClient({ endpoint: 'https://a', headerStyle: 'lang-son', systemId: 'x', secret: '' })))).code).toBe('AXIS_NOT_CONFIGURED');
    expect((await failureOf(Promise.resolve().then(() => createAxisClient({ endpoint: 'https://a', headerStyle: 'lang-son', systemId: 'x', secret: 'khóa' })))).code).toBe('VALIDATION');
    expect((await failureOf(Promise.resolve().then(() => createAxisClient({ endpoint: 'https://u:p@a', headerStyle: 'xroad-vnpt', systemId: 'x', secret: 'y' })))).code).toBe('VALIDATION');
  });
});
