/**
 * Builds the main-side services once per launch (house rules §2 "host/"). Both transports call this with their
 * own `emit` (IPC `webContents.send` or the web host's server-sent events); the services never know which.
 */
import type { AppInfo } from '../../shared/api/contract';
import type { EventName, EventPayloads } from '../../shared/api/events';
import { createPasswordService, type PasswordService } from '../accounts/password-hash';
import { createJobRunner, type JobRunner } from '../jobs/job-runner';
import { createJournalWitness, type JournalWitness } from '../journal/journal-witness';
import { createReportService, type ReportService } from '../reports/report-service';
import { createBlobStore, type BlobStore } from '../storage/blob-store';
import { createRuleFiles, type RuleFiles } from '../storage/rule-files';
import { createSettingsStore, type SettingsStore } from '../storage/settings-store';
import { createScanService, type ScanService } from '../scan/scan-service';
import { createExtractService, type ExtractService } from '../scan/extract/extract-service';
import { createSigningHost, type SigningHost } from './signing-host';
import { createExchangeHost, type ExchangeHost } from '../exchange/exchange-host';
import type { ExchangeFlows } from '../exchange/flows/exchange-flows';
import { createFlowsHost } from './exchange-flows-host';
import { createFileSecretStore, type SecretStore } from '../storage/secret-store';
import { createScanAdapters } from './scan-host';

/** The host's event sink: one call per event, payload typed by `events.ts`. */
export type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export interface ServicesOptions {
  /** Absolute data directory (blobs, settings, custom rule files). */
  dataDir: string;
  /** Absolute path of the repository's `assets/` (fonts, default rule data). */
  assetsDir: string;
  transport: AppInfo['transport'];
  version: string;
  emit: Emit;
  log?: Pick<Console, 'warn' | 'error'>;
  /** Environment read for VANTHU_PKCS11_MODULE and VANTHU_EXTRA_TRUST_PINS (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where secrets (the axis secret) are kept: Electron passes safeStorage; default 0600 files (web host). */
  secrets?: SecretStore;
  /** Do not start the sync engine at launch (tests of other areas). Default: started. */
  startSync?: boolean;
}

export interface Services {
  info: AppInfo;
  blobs: BlobStore;
  settings: SettingsStore;
  rules: RuleFiles;
  passwords: PasswordService;
  reports: ReportService;
  jobs: JobRunner;
  /** The last journal head seen, so lines cut off the end of the audit journal are detected. */
  journal: JournalWitness;
  /** Tokens, the Art. 11 signing steps, verification and trust anchors (issue 3). */
  signing: SigningHost;
  /** Axis client, spools, sync engine and agency directory (issue 8). */
  exchange: ExchangeHost;
  /** Incoming and outgoing flows over the exchange: 01/03, returns, timelines, revocation (issue 8). */
  flows: ExchangeFlows;
  /** Scanners (SANE, eSCL, WIA) and scan jobs (issue 9). */
  scan: ScanService;
  /** OCR and automatic fill of scanned documents (issue 9). */
  ocr: ExtractService;
}

/** Wire the services of one data directory. Cheap and synchronous; blobs clean up stale temp files on first use. */
export function createServices(options: ServicesOptions): Services {
  const log = options.log ?? console;
  const blobs = createBlobStore({ dataDir: options.dataDir, log });
  const rules = createRuleFiles({ assetsDir: options.assetsDir, dataDir: options.dataDir });
  const settings = createSettingsStore({
    dataDir: options.dataDir,
    log,
    checkHolidaysFile: (name) => rules.checkHolidaysFile(name),
    onChange: (value) => options.emit('settings.changed', value),
  });
  const jobs = createJobRunner((event, payload) => options.emit(event, payload));
  const reports = createReportService({ blobs, assetsDir: options.assetsDir, jobs });
  const signing = createSigningHost({
    dataDir: options.dataDir,
    blobs,
    jobs,
    settings: () => settings.get(),
    env: options.env ?? process.env,
    onTokensChanged: (tokens) => options.emit('token.changed', { tokens }),
    log,
  });
  const scanAdapters = createScanAdapters({ dataDir: options.dataDir, env: options.env ?? process.env, log });
  const scan = createScanService({ blobs, jobs, adapters: scanAdapters.adapters, network: scanAdapters.network, recent: scanAdapters.recent, log });
  const flows = createFlowsHost({ dataDir: options.dataDir, blobs, signing, settings, exchange: () => exchange, log });
  const exchange = createExchangeHost({
    dataDir: options.dataDir,
    blobs,
    secrets: options.secrets ?? createFileSecretStore(options.dataDir),
    unitCode: async () => (await settings.get()).unitCode,
    onStatus: (status) => options.emit('sync.status', status),
    hooks: flows.hooks,
    log,
  });
  // The engine runs from launch, whether or not a window is open (issue 8).
  if (options.startSync !== false) exchange.start().then(() => flows.recover()).catch((cause: unknown) => log.error('[exchange] sync engine did not start', cause));
  // Start the clean-up now so a crash's leftovers go away at launch, not at the first file call.
  blobs.init().catch((cause: unknown) => log.error('[blobs] could not clean temp files', cause));
  return {
    info: { version: options.version, dataDir: options.dataDir, transport: options.transport },
    blobs,
    settings,
    rules,
    passwords: createPasswordService(),
    reports,
    jobs,
    journal: createJournalWitness({ dataDir: options.dataDir, log }),
    signing,
    exchange,
    flows,
    scan,
    ocr: createExtractService({ blobs, jobs }),
  };
}