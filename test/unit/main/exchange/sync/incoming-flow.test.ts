// The incoming flow hook (Art. 9.2, NĐ 30 Art. 21.2c) over the test axis with the real edXML reader and builder:
// status 01 goes back for every stored document; 03 follows automatically only when every PDF verifies as valid.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { createAxisClient } from '../../../../../src/main/exchange/axis/create-axis-client';
import { inspectPackage } from '../../../../../src/main/exchange/edxml/inspect-package';
import { readPackage } from '../../../../../src/main/exchange/edxml/read-package';
import { createIncomingSpool } from '../../../../../src/main/exchange/spool/incoming-spool';
import { createOutgoingSpool } from '../../../../../src/main/exchange/spool/outgoing-spool';
import { createIncomingFlow, type PdfVerdict } from '../../../../../src/main/exchange/sync/incoming-flow';
import { createSyncEngine, type SyncEngine } from '../../../../../src/main/exchange/sync/sync-engine';
import { createBlobStore } from '../../../../../src/main/storage/blob-store';
import { samplePackage } from '../../../../support/axis/sample-package';
import { startTestAxis } from '../../../../support/axis/test-axis';
import { waitFor } from '../../../../support/axis/wait-for';
import { makeDraftPdf } from '../../../../support/pki/sample-documents';

const ME = { systemId: 'flow-me', secret: 'flow-secret-01', agencyCode: '000.00.00.H35' };
const SENDER = { systemId: 'flow-sender', secret: 'flow-secret-02', agencyCode: '000.00.00.G22' };

it('sends 01 for each document and 03 only when every PDF is valid', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'flow-'));
  const axis = await startTestAxis({ systems: [ME, SENDER] });
  const blobs = createBlobStore({ dataDir: dir });
  const good = await makeDraftPdf({ pages: 1 });
  const bad = await makeDraftPdf({ pages: 2 });
  // The verifier itself is tested with real signatures elsewhere; here its verdict is chosen per file.
  const verdictOf = new Map<string, PdfVerdict>([
    [createHash('sha256').update(good).digest('hex'), 'valid'],
    [createHash('sha256').update(bad).digest('hex'), 'invalid'],
  ]);
  const incoming = createIncomingSpool({ dir: join(dir, 'in'), maxPackageBytes: 1 << 22 });
  let engine: SyncEngine | null = null;
  const onReady = createIncomingFlow({
    incoming,
    read: (path) => readPackage(path, { blobs }),
    verify: async (sha) => verdictOf.get(sha) ?? 'unknown',
    us: async () => ({ organId: ME.agencyCode, organName: 'Ủy ban nhân dân tỉnh Lai Châu', organAdd: 'Lai Châu' }),
    enqueue: (input) => engine!.enqueue(input),
  });
  engine = createSyncEngine({
    incoming,
    outgoing: createOutgoingSpool({ dir: join(dir, 'out'), maxPackageBytes: 1 << 22 }),
    client: async () => createAxisClient({ endpoint: axis.url, headerStyle: 'xroad-vnpt', systemId: ME.systemId, secret: ME.secret }),
    hooks: { inspect: (path) => inspectPackage(path, { blobs }), onReady },
    pollIntervalMs: 20,
    backoff: { baseMs: 10, capMs: 50 },
    maxPackageBytes: 1 << 22,
    log: { warn: () => undefined, error: (...a: unknown[]) => console.error(...a) },
  });
  try {
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'FLOW-OK', attachment: good, codeNumber: '5' }), { from: SENDER.agencyCode });
    axis.deliver(ME.agencyCode, samplePackage({ documentId: 'FLOW-BAD', attachment: bad, codeNumber: '6' }), { from: SENDER.agencyCode });
    await engine.start();
    const statuses = () => axis.inbox(SENDER.agencyCode).filter((i) => i.messageType === 'status').map((i) => i.bytes.toString('utf8'));
    await waitFor(() => statuses().length === 3 && engine!.status().outgoingPending === 0, 'three statuses delivered');
    const codes = statuses().map((x) => `${/<edXML:DocumentId>([^<]*)</.exec(x)?.[1]}:${/<edXML:StatusCode>([^<]*)</.exec(x)?.[1]}`).sort();
    expect(codes).toEqual(['FLOW-BAD:01', 'FLOW-OK:01', 'FLOW-OK:03']);
    const summaries = Object.fromEntries(incoming.list('ready').map((i) => [i.inspection?.documentId, i.inspection?.summary?.verdict]));
    expect(summaries).toEqual({ 'FLOW-OK': 'valid', 'FLOW-BAD': 'invalid' });
  } finally {
    await engine.stop();
    await axis.close();
    await rm(dir, { recursive: true, force: true });
  }
});
