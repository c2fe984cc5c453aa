// The sync engine against the loopback test axis, with both adapters (the Lạng Sơn one fits without engine
// changes, standards.md §2.4): receive → spool → done, duplicates, corrupt packages, outages, pause/resume and the
// outgoing queue with the acknowledgement as the legal sending time (Art. 10.5).
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../../src/shared/api/exchange-schemas';
import type { AxisHeaderStyle } from '../../../../../src/main/exchange/axis/axis-client';
import { createAxisClient } from '../../../../../src/main/exchange/axis/create-axis-client';
import { createIncomingSpool } from '../../../../../src/main/exchange/spool/incoming-spool';
import { createOutgoingSpool } from '../../../../../src/main/exchange/spool/outgoing-spool';
import { createSyncEngine, type SyncEngine } from '../../../../../src/main/exchange/sync/sync-engine';
import { inspectSample, samplePackage } from '../../../../support/axis/sample-package';
import { startTestAxis, type TestAxis } from '../../../../support/axis/test-axis';
import { waitFor } from '../../../../support/axis/wait-for';

const ME = { systemId: 'me', secret: 'secret-me-0001', agencyCode: '000.00.00.H35' };
const PEER = { systemId: 'peer', secret: 'secret-peer-0002', agencyCode: '000.00.00.G22' };

describe.each<AxisHeaderStyle>(['xroad-vnpt', 'lang-son'])('sync engine over %s', (style) => {
  let dir: string;
  let axis: TestAxis;
  let engine: SyncEngine;
  let statuses: SyncStatus[];
  let endpoint: string;

  const make = (): SyncEngine =>
    createSyncEngine({
      incoming: createIncomingSpool({ dir: join(dir, 'incoming'), maxPackageBytes: 1 << 22 }),
      outgoing: createOutgoingSpool({ dir: join(dir, 'outgoing'), maxPackageBytes: 1 << 22 }),
      client: async () => createAxisClient({ endpoint, headerStyle: style, systemId: ME.systemId, secret: ME.secret, timeoutMs: 2_000 }),
      hooks: { inspect: async (path) => inspectSample(await readFile(path)) },
      onStatus: (s) => statuses.push(s),
      pollIntervalMs: 30,
      backoff: { baseMs: 20, capMs: 200 },
      maxPackageBytes: 1 << 22,
      log: { warn: () => undefined, error: () => undefined },
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sync-'));
    axis = await startTestAxis({ style, systems: [ME, PEER] });
    endpoint = axis.url;
    statuses = [];
    engine = make();
  });
  afterEach(async () => {
    await engine.stop();
    await axis.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('receives every package into the spool and acknowledges done only after it is stored', async () => {
    for (let i = 0; i < 5; i += 1) axis.deliver(ME.agencyCode, samplePackage({ documentId: `DOC-${i}` }));
    await engine.start();
    await waitFor(() => engine.status().incomingReady === 5, 'five ready');
    expect(axis.inbox(ME.agencyCode).every((i) => i.state === 'done')).toBe(true);
    expect(engine.status()).toMatchObject({ online: true, incomingStored: 0, quarantined: 0 });
    expect(statuses.some((s) => s.incomingReady === 5)).toBe(true);
  });

  it('a duplicate delivery is stored once and both deliveries are acknowledged', async () => {
    axis.faults.duplicateDelivery = true;
    const ids = axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-DUP' }));
    expect(ids).toHaveLength(2);
    await engine.start();
    await waitFor(() => axis.inbox(ME.agencyCode).every((i) => i.state === 'done'), 'both acknowledged');
    expect(engine.status().incomingReady).toBe(1);
  });

  it('a corrupt package is quarantined with a Vietnamese reason and acknowledged fail; the others flow', async () => {
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-OK' }));
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-BAD' }).subarray(0, 300));
    await engine.start();
    await waitFor(() => engine.status().quarantined === 1 && engine.status().incomingReady === 1, 'one quarantined, one ready');
    expect(axis.inbox(ME.agencyCode).map((i) => i.state).sort()).toEqual(['done', 'fail']);
  });

  it('through an outage nothing is lost: offline with a reason, the queue drains when the link returns', async () => {
    await engine.start();
    await waitFor(() => engine.status().online === true, 'online');
    axis.faults.dropNext = 1_000_000;
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-LATE' }));
    const queued = await engine.enqueue({ source: samplePackage({ documentId: 'OUT-1', from: ME.agencyCode, to: PEER.agencyCode }), messageType: 'edoc', from: ME.agencyCode, to: [PEER.agencyCode], ref: 'outbox-1' });
    await waitFor(() => engine.status().online === false && (engine.outgoing.get(queued.id)?.attempts ?? 0) >= 1, 'offline, one attempt failed');
    expect(engine.status().lastError?.message).toMatch(/Trục liên thông/);
    expect(engine.status().outgoingPending).toBe(1);
    axis.faults.dropNext = 0;
    await waitFor(() => engine.status().outgoingPending === 0 && engine.status().incomingReady === 1, 'drained');
    expect(engine.status().online).toBe(true);
    const [sent] = axis.sent();
    expect(sent?.to).toEqual(style === 'xroad-vnpt' ? [PEER.agencyCode] : []);
    // What a fresh process reads from disk.
    const outgoing = createOutgoingSpool({ dir: join(dir, 'outgoing'), maxPackageBytes: 1 << 22 });
    await outgoing.init();
    const item = outgoing.get(queued.id);
    expect(item?.state).toBe('sent');
    expect(Date.parse(item!.acknowledgedAt!)).toBeGreaterThanOrEqual(Date.parse(item!.enqueuedAt));
    expect(item?.attempts).toBeGreaterThanOrEqual(2);
  });

  it('500s are retried; paused means no traffic until resumed', async () => {
    axis.faults.error500Next = 3;
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-500' }));
    await engine.start();
    await waitFor(() => engine.status().incomingReady === 1, 'ready after 500s', 5000);
    engine.pause();
    await engine.syncNow();
    const before = axis.counts().getReceivedEdocList ?? 0;
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-PAUSED' }));
    await engine.syncNow();
    expect(axis.counts().getReceivedEdocList ?? 0).toBe(before);
    expect(engine.status()).toMatchObject({ paused: true, incomingReady: 1 });
    engine.resume();
    await waitFor(() => engine.status().incomingReady === 2, 'second after resume');
  });

  it('a restart after a crash between store and ack acknowledges without a second copy', async () => {
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'DOC-R' }));
    // Simulate the crash window: the package is in stored/, the axis never heard `done`.
    const incoming = createIncomingSpool({ dir: join(dir, 'incoming'), maxPackageBytes: 1 << 22 });
    await incoming.init();
    const client = createAxisClient({ endpoint, headerStyle: style, systemId: ME.systemId, secret: ME.secret });
    const [entry] = await client.listInbox('edoc');
    await incoming.store({ axisDocId: entry!.docId, messageType: 'edoc', from: entry!.from, chunks: await client.getPackage(entry!.docId, 1 << 22) });
    await engine.start();
    await waitFor(() => engine.status().incomingReady === 1 && axis.inbox(ME.agencyCode)[0]?.state === 'done', 'acknowledged');
    expect(axis.inbox(ME.agencyCode)[0]?.served).toBe(1);
  });
});

describe('sync engine without settings', () => {
  it('reports not configured, offline unknown, and keeps outgoing packages spooled', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-nc-'));
    const { AppFailure } = await import('../../../../../src/shared/api/result');
    const engine = createSyncEngine({
      incoming: createIncomingSpool({ dir: join(dir, 'in'), maxPackageBytes: 1024 }),
      outgoing: createOutgoingSpool({ dir: join(dir, 'out'), maxPackageBytes: 1024 }),
      client: async () => {
        throw new AppFailure('AXIS_NOT_CONFIGURED', 'Chưa nhập địa chỉ Trục liên thông.');
      },
      pollIntervalMs: 50,
      backoff: { baseMs: 20, capMs: 100 },
      maxPackageBytes: 1024,
      log: { warn: () => undefined, error: () => undefined },
    });
    try {
      await engine.start();
      await engine.enqueue({ source: Buffer.from('<edXML/>'), messageType: 'edoc', from: 'A', to: ['B'] });
      await waitFor(() => engine.status().lastError?.code === 'AXIS_NOT_CONFIGURED', 'not configured');
      expect(engine.status()).toMatchObject({ configured: false, online: null, outgoingPending: 1 });
    } finally {
      await engine.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('sync engine when reading a stored package fails', () => {
  it('retries an I/O failure and quarantines a package that keeps failing; nothing is lost meanwhile', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sync-io-'));
    const axis = await startTestAxis({ systems: [ME] });
    const failures = new Map<string, number>();
    const engine = createSyncEngine({
      incoming: createIncomingSpool({ dir: join(dir, 'in'), maxPackageBytes: 1 << 20 }),
      outgoing: createOutgoingSpool({ dir: join(dir, 'out'), maxPackageBytes: 1 << 20 }),
      client: async () => createAxisClient({ endpoint: axis.url, headerStyle: 'xroad-vnpt', systemId: ME.systemId, secret: ME.secret }),
      hooks: {
        inspect: async (path) => {
          const found = await inspectSample(await readFile(path));
          const id = 'documentId' in found ? found.documentId : '';
          const n = (failures.get(id) ?? 0) + 1;
          failures.set(id, n);
          if (id === 'IO-ONCE' && n < 3) throw Object.assign(new Error('EIO'), { code: 'EIO' });
          if (id === 'IO-ALWAYS') throw Object.assign(new Error('EIO'), { code: 'EIO' });
          return found;
        },
      },
      pollIntervalMs: 20,
      backoff: { baseMs: 10, capMs: 50 },
      maxPackageBytes: 1 << 20,
      log: { warn: () => undefined, error: () => undefined },
    });
    try {
      axis.deliver(ME.agencyCode, samplePackage({ documentId: 'IO-ONCE' }));
      axis.deliver(ME.agencyCode, samplePackage({ documentId: 'IO-ALWAYS' }));
      await engine.start();
      await waitFor(() => engine.status().incomingReady === 1 && engine.status().quarantined === 1, 'one ready, one quarantined');
      expect(engine.incoming.list('ready')[0]?.inspection?.documentId).toBe('IO-ONCE');
      expect(engine.incoming.list('quarantine')[0]?.reason).toMatch(/Không đọc được gói tin/);
      expect(failures.get('IO-ALWAYS')).toBe(3);
    } finally {
      await engine.stop();
      await axis.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
