/**
 * The exchange flows as the host wires them (issue 8): the edXML reader in its worker thread, verification through
 * SigningService.verify with `recordReceipt` (the worker pool, and the receipt ledger keeps the proof of existence
 * of what arrived, issue 6), our agency from the settings, the flow records under `<dataDir>/exchange/flows`.
 */
import { join } from 'node:path';
import type { SettingsStore } from '../storage/settings-store';
import type { BlobStore } from '../storage/blob-store';
import { EdxmlReader } from '../exchange/edxml/read-worker';
import type { ExchangeHost } from '../exchange/exchange-host';
import { createExchangeFlows, type ExchangeFlows } from '../exchange/flows/exchange-flows';
import { createFlowRecords } from '../exchange/flows/flow-records';
import type { SigningHost } from './signing-host';

export interface FlowsHostOptions {
  dataDir: string;
  blobs: BlobStore;
  signing: SigningHost;
  settings: SettingsStore;
  /** The exchange host, built after the flows (its engine takes their hooks). */
  exchange(): ExchangeHost;
  log: Pick<Console, 'warn' | 'error'>;
}

export function createFlowsHost(options: FlowsHostOptions): ExchangeFlows {
  let reader: EdxmlReader | null = null;
  return createExchangeFlows({
    engine: () => options.exchange().engine,
    directory: () => options.exchange().directory,
    blobs: options.blobs,
    records: createFlowRecords(join(options.dataDir, 'exchange', 'flows')),
    read: (path) => (reader ??= new EdxmlReader({ dataDir: options.dataDir })).read(path),
    verify: async (sha256) => {
      const r = await (await options.signing.service()).verify({ file: sha256, recordReceipt: true });
      return { verdict: r.verdict, reasons: r.reasons };
    },
    us: async () => {
      const s = await options.settings.get();
      return { organId: s.unitCode, organName: s.unitName };
    },
    buildDir: join(options.dataDir, 'exchange', 'build'),
    log: options.log,
  });
}
