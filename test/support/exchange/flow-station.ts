/**
 * One agency's exchange stack for the flow tests (issue 8): data directory, blob store, ExchangeHost with the
 * exchange flows as its hooks, the edXML reader in its worker thread and the verifier's worker pool with the test
 * PKI as trust. Both stations talk to the same loopback test axis.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EdxmlReader } from '../../../src/main/exchange/edxml/read-worker';
import { createExchangeHost, type ExchangeHost } from '../../../src/main/exchange/exchange-host';
import { createExchangeFlows, type ExchangeFlows } from '../../../src/main/exchange/flows/exchange-flows';
import { createFlowRecords } from '../../../src/main/exchange/flows/flow-records';
import { VerifyPool } from '../../../src/main/signing/verify/verify-worker';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import { createFileSecretStore } from '../../../src/main/storage/secret-store';
import type { TestPki } from '../pki/test-pki';

export interface FlowStation {
  dataDir: string;
  blobs: BlobStore;
  host: ExchangeHost;
  flows: ExchangeFlows;
  close(): Promise<void>;
}

export async function startFlowStation(opts: { code: string; name: string; systemId: string; secret: string; axisUrl: string; pki: TestPki }): Promise<FlowStation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vanthu-flow-'));
  const blobs = createBlobStore({ dataDir });
  const reader = new EdxmlReader({ dataDir });
  const pool = new VerifyPool();
  let host: ExchangeHost | null = null;
  const engine = () => {
    if (!host) throw new Error('host not built');
    return host.engine;
  };
  const flows = createExchangeFlows({
    engine,
    blobs,
    records: createFlowRecords(join(dataDir, 'exchange', 'flows')),
    read: (path) => reader.read(path),
    verify: async (sha) => {
      const r = await pool.verify((await blobs.get(sha)).bytes, { trust: { anchors: [opts.pki.root.certDer], intermediates: [opts.pki.intermediate.certDer], allowLiveFetch: true, revocationCacheDir: join(dataDir, 'revocation') } });
      return { verdict: r.verdict, reasons: r.reasons };
    },
    us: async () => ({ organId: opts.code, organName: opts.name }),
    directory: () => engineHost().directory,
    buildDir: join(dataDir, 'exchange', 'build'),
  });
  const engineHost = (): ExchangeHost => {
    if (!host) throw new Error('host not built');
    return host;
  };
  host = createExchangeHost({ dataDir, blobs, secrets: createFileSecretStore(dataDir), unitCode: async () => opts.code, onStatus: () => undefined, hooks: flows.hooks });
  await host.settings.update({ endpoint: opts.axisUrl, systemId: opts.systemId, secret: opts.secret });
  await host.start();
  await flows.recover();
  return {
    dataDir,
    blobs,
    host,
    flows,
    async close() {
      await host?.stop();
      await reader.close();
      await pool.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
