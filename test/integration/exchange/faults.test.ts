// Faults of issue 8 end to end through the sync engine, the test axis and the real edXML reader: offline axis,
// 500s, slow answers, dropped connections, duplicate deliveries, malformed packages (XXE, entity expansion, wrong
// namespace, missing required elements, truncated, a zip bomb) and a package over the spool bound. Each ends in a
// clear state with a Vietnamese reason, nothing is lost, the engine never stops, and memory stays bounded.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAxisClient } from '../../../src/main/exchange/axis/create-axis-client';
import { inspectPackage } from '../../../src/main/exchange/edxml/inspect-package';
import { createIncomingSpool } from '../../../src/main/exchange/spool/incoming-spool';
import { createOutgoingSpool } from '../../../src/main/exchange/spool/outgoing-spool';
import { createSyncEngine, type SyncEngine } from '../../../src/main/exchange/sync/sync-engine';
import { createBlobStore } from '../../../src/main/storage/blob-store';
import { samplePackage } from '../../support/axis/sample-package';
import { startTestAxis, type TestAxis } from '../../support/axis/test-axis';
import { waitFor } from '../../support/axis/wait-for';

const ME = { systemId: 'faults-me', secret: 'faults-secret-01', agencyCode: '000.00.00.H35' };
const NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const SPOOL_BOUND = 4 * 1024 * 1024;

let axis: TestAxis;
let dir: string;
let engine: SyncEngine;
let endpoint: string;
let rssPeak = 0;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 25);

beforeAll(async () => {
  axis = await startTestAxis({ systems: [ME] });
  dir = await mkdtemp(join(tmpdir(), 'faults-'));
  endpoint = 'http://127.0.0.1:9'; // nothing listens here: offline from the start
  const blobs = createBlobStore({ dataDir: dir });
  engine = createSyncEngine({
    incoming: createIncomingSpool({ dir: join(dir, 'incoming'), maxPackageBytes: SPOOL_BOUND }),
    outgoing: createOutgoingSpool({ dir: join(dir, 'outgoing'), maxPackageBytes: SPOOL_BOUND }),
    client: async () => createAxisClient({ endpoint, headerStyle: 'xroad-vnpt', systemId: ME.systemId, secret: ME.secret, timeoutMs: 1_500 }),
    hooks: { inspect: (path) => inspectPackage(path, { blobs }) },
    pollIntervalMs: 30,
    backoff: { baseMs: 20, capMs: 200 },
    maxPackageBytes: SPOOL_BOUND,
    log: { warn: () => undefined, error: (...a: unknown[]) => console.error('[faults]', ...a) },
  });
  await engine.start();
});
afterAll(async () => {
  clearInterval(sampler);
  await engine.stop();
  await axis.close();
  await rm(dir, { recursive: true, force: true });
});

it('an unreachable axis is offline with a Vietnamese reason; the engine keeps trying', async () => {
  await waitFor(() => engine.status().online === false, 'offline');
  expect(engine.status().lastError).toMatchObject({ code: 'AXIS_UNREACHABLE' });
  expect(engine.status().lastError?.message).toMatch(VIETNAMESE);
  endpoint = axis.url;
  await waitFor(() => engine.status().online === true, 'online once the axis is there');
});

it('500s, dropped connections, bodies cut midway and slow answers end in a retry, never a crash', async () => {
  axis.deliver(ME.agencyCode, samplePackage({ documentId: 'F-1' }));
  axis.faults.error500Next = 2;
  axis.faults.dropNext = 2;
  axis.faults.dropMidBodyNext = 1;
  await waitFor(() => engine.status().incomingReady === 1, 'received after the faults');
  axis.faults.slowMs = 3_000; // past the client's 1.5 s deadline
  await waitFor(() => engine.status().online === false, 'offline while slow');
  expect(engine.status().lastError?.message).toMatch(/không trả lời/);
  axis.faults.slowMs = 0;
  await waitFor(() => engine.status().online === true, 'back online');
});

it('duplicate deliveries are stored once; the same document in a new package is marked as a duplicate', async () => {
  axis.faults.duplicateDelivery = true;
  axis.deliver(ME.agencyCode, samplePackage({ documentId: 'F-DUP' }));
  axis.faults.duplicateDelivery = false;
  axis.deliver(ME.agencyCode, samplePackage({ documentId: 'F-DUP', subject: 'Gửi lại' }));
  const dupsReady = () => engine.incoming.list('ready').filter((i) => i.inspection?.documentId === 'F-DUP');
  await waitFor(() => axis.inbox(ME.agencyCode).every((i) => i.state !== 'pending') && dupsReady().length === 2, 'both packages ready');
  const dups = dupsReady();
  expect(dups).toHaveLength(2);
  expect(dups.filter((i) => i.duplicateOf !== null)).toHaveLength(1);
});

it('malformed packages are quarantined with a Vietnamese reason and acknowledged fail; valid ones still flow', async () => {
  const good = samplePackage({ documentId: 'F-GOOD' }).toString('utf8');
  const bad: Record<string, string | Uint8Array> = {
    xxe: `<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML xmlns="${NS}">&x;</edXML>`,
    laughs: `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><edXML xmlns="${NS}">&c;</edXML>`,
    namespace: good.replaceAll(NS, 'http://example.com/not-edxml'),
    missing: good.replace(/<edXML:From>.*?<\/edXML:From>/, '').replace(/<edXML:DocumentId>.*?<\/edXML:DocumentId>/, ''),
    truncated: good.slice(0, Math.floor(good.length / 2)),
    zipbomb: samplePackage({ documentId: 'F-ZIP', attachment: zipSync({ 'a.pdf': new Uint8Array(300 * 1024 * 1024) }, { level: 9 }) }),
  };
  const before = engine.status().quarantined;
  const ids = new Map<string, string>();
  for (const [name, bytes] of Object.entries(bad)) ids.set(axis.deliver(ME.agencyCode, typeof bytes === 'string' ? Buffer.from(bytes) : bytes)[0]!, name);
  axis.deliver(ME.agencyCode, Buffer.from(good));
  await waitFor(() => axis.inbox(ME.agencyCode).every((i) => i.state !== 'pending') && engine.status().quarantined === before + ids.size && engine.status().incomingStored === 0, 'all answered', 120_000);
  const quarantined = engine.incoming.list('quarantine');
  expect(quarantined.length - before).toBe(Object.keys(bad).length);
  for (const item of quarantined) {
    expect(item.reason).toMatch(VIETNAMESE);
    expect(ids.has(item.axisDocIds[0]!)).toBe(true);
  }
  for (const [docId] of ids) expect(axis.inbox(ME.agencyCode).find((i) => i.docId === docId)?.state).toBe('fail');
  expect(engine.incoming.list('ready').some((i) => i.inspection?.documentId === 'F-GOOD')).toBe(true);
});

it('a package over the spool bound is left on the axis with a reason, not fetched again and again; memory stays bounded', async () => {
  const [docId] = axis.deliver(ME.agencyCode, samplePackage({ documentId: 'F-BIG', attachment: new Uint8Array(SPOOL_BOUND) }));
  axis.deliver(ME.agencyCode, samplePackage({ documentId: 'F-AFTER' }));
  await waitFor(() => engine.incoming.list('ready').some((i) => i.inspection?.documentId === 'F-AFTER'), 'the next package flows');
  expect(engine.status()).toMatchObject({ refused: 1, lastError: { code: 'TOO_LARGE' } });
  expect(engine.status().lastError?.message).toMatch(VIETNAMESE);
  const served = axis.inbox(ME.agencyCode).find((i) => i.docId === docId)!;
  const lists = axis.counts().getReceivedEdocList ?? 0;
  await waitFor(() => (axis.counts().getReceivedEdocList ?? 0) > lists + 3, 'a few more cycles');
  expect(served.state).toBe('pending');
  expect(served.served).toBe(1);
  // The 300 MB zip bomb and the oversized package never came close to being held in memory.
  expect(rssPeak).toBeLessThan(1024 * 1024 * 1024);
});
