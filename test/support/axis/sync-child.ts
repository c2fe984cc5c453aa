/**
 * The engine as its own process, for the crash test (SIGKILL at random points) and the bench: syncs from the
 * test axis into `<dataDir>`, and plays the renderer's part: every ready item is "registered" (one line per
 * DocumentId in `<dataDir>/register.log`, appended and fsynced unless the log already has it, as the register's
 * duplicate check would) and then confirmed. Optionally enqueues outgoing packages at start (idempotent).
 * Prints one JSON line per event on stdout; SIGTERM stops cleanly.
 *
 * argv: dataDir axisUrl style systemId secret [outgoingCount] [toCode]
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAxisClient } from '../../../src/main/exchange/axis/create-axis-client';
import type { AxisHeaderStyle } from '../../../src/main/exchange/axis/axis-client';
import { createIncomingSpool, type IncomingItem } from '../../../src/main/exchange/spool/incoming-spool';
import { createOutgoingSpool } from '../../../src/main/exchange/spool/outgoing-spool';
import { createSyncEngine } from '../../../src/main/exchange/sync/sync-engine';
import { inspectSample, samplePackage } from './sample-package';

const [dataDir, axisUrl, style, systemId, secret, outgoingArg, toCode] = process.argv.slice(2);
if (!dataDir || !axisUrl || !style || !systemId || !secret) {
  process.stderr.write('usage: sync-child dataDir axisUrl style systemId secret [outgoingCount] [toCode]\n');
  process.exit(2);
}
const out = (event: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};
const MAX = 64 * 1024 * 1024;
const registerLog = join(dataDir, 'register.log');

async function registered(): Promise<Set<string>> {
  const text = await readFile(registerLog, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter((l) => l.endsWith('\t.')).map((l) => l.split('\t')[0]!));
}

let ingesting = Promise.resolve();
/** The renderer's part: register once per DocumentId, then confirm (only then the item moves on). */
function ingest(item: IncomingItem): Promise<void> {
  ingesting = ingesting.then(async () => {
    const documentId = item.inspection?.documentId ?? item.id;
    if (!(await registered()).has(documentId)) {
      const h = await open(registerLog, 'a');
      try {
        await h.write(`${documentId}\t.\n`);
        await h.sync();
      } finally {
        await h.close();
      }
      out({ event: 'registered', documentId });
    }
    await engine.confirmIngested(item.id);
    out({ event: 'ingested', id: item.id });
  });
  return ingesting;
}

const engine = createSyncEngine({
  incoming: createIncomingSpool({ dir: join(dataDir, 'incoming'), maxPackageBytes: MAX }),
  outgoing: createOutgoingSpool({ dir: join(dataDir, 'outgoing'), maxPackageBytes: MAX }),
  client: async () => createAxisClient({ endpoint: axisUrl, headerStyle: style as AxisHeaderStyle, systemId, secret, timeoutMs: 30_000 }),
  hooks: {
    inspect: async (path) => inspectSample(await readFile(path)),
    onReady: ingest,
    onSent: async (item) => out({ event: 'sent', id: item.id }),
  },
  onStatus: (s) => out({ event: 'status', ...s }),
  pollIntervalMs: 25,
  backoff: { baseMs: 20, capMs: 300 },
  maxPackageBytes: MAX,
});

await engine.start();
// Items left ready by an earlier run (killed before it confirmed) are ingested now, as a renderer would on opening.
for (const item of engine.incoming.list('ready')) void ingest(item);
const outgoing = Number(outgoingArg ?? '0');
for (let i = 0; i < outgoing; i += 1) {
  await engine.enqueue({ source: samplePackage({ documentId: `OUT-${i}`, from: '000.00.00.H35', to: toCode }), messageType: 'edoc', from: '000.00.00.H35', to: [toCode ?? '000.00.00.G22'], ref: `out-${i}` });
}
out({ event: 'started' });
process.on('SIGTERM', () => {
  void engine.stop().then(() => ingesting).then(() => process.exit(0));
});
