// The crash-safe spools (architecture.md "Durable data and no loss"): complete items only, recovery of tmp/,
// idempotent re-delivery and enqueue, state moves by rename.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../../src/main/exchange/spool/backoff';
import { createIncomingSpool } from '../../../../../src/main/exchange/spool/incoming-spool';
import { createOutgoingSpool } from '../../../../../src/main/exchange/spool/outgoing-spool';
import { failureOf } from '../../../../support/failure-of';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'spool-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

async function* chunks(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield Buffer.from(p);
}
async function* failing(): AsyncIterable<Uint8Array> {
  yield Buffer.from('<edXML>');
  throw new Error('connection reset');
}

describe('incoming spool', () => {
  it('stores a package as one complete item, keyed by its hash; the same bytes again are a duplicate', async () => {
    const spool = createIncomingSpool({ dir, maxPackageBytes: 1 << 20 });
    await spool.init();
    const first = await spool.store({ axisDocId: 'd1', messageType: 'edoc', from: 'X', chunks: chunks('<edXML>', 'a</edXML>') });
    expect(first.duplicate).toBe(false);
    expect(first.item.state).toBe('stored');
    expect(await readFile(spool.packagePath(first.item.id), 'utf8')).toBe('<edXML>a</edXML>');
    const again = await spool.store({ axisDocId: 'd2', messageType: 'edoc', from: 'X', chunks: chunks('<edXML>a</edXML>') });
    expect(again).toMatchObject({ duplicate: true, item: { id: first.item.id, axisDocIds: ['d1', 'd2'] } });
    expect(spool.byAxisDocId('d2')?.id).toBe(first.item.id);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
  });

  it('a download that fails midway or passes the bound leaves nothing', async () => {
    const spool = createIncomingSpool({ dir, maxPackageBytes: 10 });
    await spool.init();
    await expect(spool.store({ axisDocId: 'd1', messageType: 'edoc', from: 'X', chunks: failing() })).rejects.toThrow('connection reset');
    expect((await failureOf(spool.store({ axisDocId: 'd1', messageType: 'edoc', from: 'X', chunks: chunks('0123456789ABC') }))).code).toBe('TOO_LARGE');
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect(await readdir(join(dir, 'stored'))).toEqual([]);
  });

  it('moves stored → ready → ingested; confirming twice is harmless, confirming a stored item is CONFLICT', async () => {
    const spool = createIncomingSpool({ dir, maxPackageBytes: 1 << 20 });
    await spool.init();
    const { item } = await spool.store({ axisDocId: 'd1', messageType: 'edoc', from: 'X', chunks: chunks('p') });
    expect((await failureOf(spool.confirmIngested(item.id))).code).toBe('CONFLICT');
    await spool.setInspection(item.id, { kind: 'edoc', documentId: 'DOC-1' });
    expect((await spool.markAcknowledged(item.id)).state).toBe('ready');
    expect((await spool.confirmIngested(item.id)).state).toBe('ingested');
    expect((await spool.confirmIngested(item.id)).ingestedAt).not.toBeNull();
    const second = await spool.store({ axisDocId: 'd9', messageType: 'edoc', from: 'X', chunks: chunks('p2') });
    expect((await spool.setInspection(second.item.id, { kind: 'edoc', documentId: 'DOC-1' })).duplicateOf).toBe(item.id);
    // A fresh process sees the same states from disk.
    const reopened = createIncomingSpool({ dir, maxPackageBytes: 1 << 20 });
    await reopened.init();
    expect(reopened.get(item.id)?.state).toBe('ingested');
    expect(reopened.get(second.item.id)).toMatchObject({ state: 'stored', duplicateOf: item.id });
  });

  it('startup recovery removes half-built items and stray meta temp files, keeps complete items', async () => {
    const spool = createIncomingSpool({ dir, maxPackageBytes: 1 << 20 });
    await spool.init();
    const { item } = await spool.store({ axisDocId: 'd1', messageType: 'edoc', from: 'X', chunks: chunks('p') });
    await mkdir(join(dir, 'tmp', 'half'), { recursive: true });
    await writeFile(join(dir, 'tmp', 'half', 'package.edxml'), 'trunc');
    await writeFile(join(dir, 'stored', item.id, 'meta.json.abc123.tmp'), '{');
    const reopened = createIncomingSpool({ dir, maxPackageBytes: 1 << 20 });
    expect((await reopened.init()).removed).toBe(2);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect((await readdir(join(dir, 'stored', item.id))).sort()).toEqual(['meta.json', 'package.edxml']);
  });
});

describe('outgoing spool', () => {
  it('spools before any attempt; the same send enqueued twice is one item; sent keeps the legal sending time', async () => {
    const spool = createOutgoingSpool({ dir, maxPackageBytes: 1 << 20, now: () => new Date('2026-12-02T02:00:00Z') });
    await spool.init();
    const a = await spool.enqueue({ source: Buffer.from('<edXML/>'), messageType: 'edoc', from: 'A', to: ['B', 'C'], ref: 'o1' });
    const b = await spool.enqueue({ source: Buffer.from('<edXML/>'), messageType: 'edoc', from: 'A', to: ['C', 'B'], ref: 'o1' });
    expect(b.id).toBe(a.id);
    expect(spool.due(new Date('2026-12-02T02:00:00Z')).map((i) => i.id)).toEqual([a.id]);
    await spool.recordFailure(a.id, { code: 'AXIS_UNREACHABLE', message: 'mất mạng' }, new Date('2026-12-02T02:05:00Z'));
    expect(spool.due(new Date('2026-12-02T02:01:00Z'))).toEqual([]);
    expect(spool.nextDue()?.toISOString()).toBe('2026-12-02T02:05:00.000Z');
    const sent = await spool.markSent(a.id, { docId: 'AX-1', acknowledgedAt: '2026-12-02T02:06:00.000Z' });
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, axisDocId: 'AX-1', acknowledgedAt: '2026-12-02T02:06:00.000Z', lastError: null });
    const reopened = createOutgoingSpool({ dir, maxPackageBytes: 1 << 20 });
    await reopened.init();
    expect(reopened.get(a.id)?.state).toBe('sent');
    expect((await failureOf(reopened.enqueue({ source: Buffer.from('x'), messageType: 'edoc', from: 'A', to: [] }))).code).toBe('VALIDATION');
  });

  it('back-off grows exponentially with jitter and stays under the cap', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(3, policy, () => 0)).toBe(2000);
    for (let n = 1; n < 60; n += 1) expect(backoffDelay(n, policy, () => 0.9999)).toBeLessThanOrEqual(60_000);
  });
});
