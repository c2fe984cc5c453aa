/**
 * The signing capability as the host wires it: a SigningService built from the current settings and the data
 * directory, one lock around every use of the PKCS#11 module, and the token watcher whose changes go out as
 * `token.changed` through the host's `emit`.
 *
 * Why the lock: a PKCS#11 module is one process-wide library; each TokenSession calls C_Initialize and ends with
 * C_Finalize, so a listing (or the watcher's poll) finishing while a signature is under way would finalize the
 * signer's session under it. Token calls therefore run one after another.
 */
// The polyfill @peculiar/x509 needs must run before that package is evaluated. A bundle (vite, dist/node and
// Electron's main) hoists and evaluates every external import before its own code, so the signing modules are
// loaded with a dynamic import (their own chunk), after this module installed the polyfill.
import '../signing/reflect-shim';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../shared/api/schemas';
import type { TokenSummary } from '../../shared/api/signing-schemas';
import type { JobRunner } from '../jobs/job-runner';
import type { SigningService } from '../signing/signing-service';
import type { TokenWatcher } from '../signing/token/token-watcher';
import type { Pin, TrustStore } from '../signing/trust-store';
import type { VerifyPool } from '../signing/verify/verify-worker';
import type { BlobStore } from '../storage/blob-store';
import { ReceiptLedger } from '../signing/receipt-ledger';

async function signingModules() {
  const [service, watcher, trust, worker] = await Promise.all([
    import('../signing/signing-service'),
    import('../signing/token/token-watcher'),
    import('../signing/trust-store'),
    import('../signing/verify/verify-worker'),
  ]);
  return { SigningService: service.SigningService, TokenWatcher: watcher.TokenWatcher, TrustStore: trust.TrustStore, loadPins: trust.loadPins, VerifyPool: worker.VerifyPool };
}

/** Environment variable that overrides the PKCS#11 module of the settings (tests, training machines). */
export const MODULE_ENV = 'VANTHU_PKCS11_MODULE';
/**
 * Environment variable naming a JSON file `{ "pins": Pin[] }` of extra pinned fingerprints (a test or training
 * PKI). It only adds pins: a certificate still has to be imported and still has to match its pin.
 */
export const EXTRA_PINS_ENV = 'VANTHU_EXTRA_TRUST_PINS';

const PinFile = z.object({
  pins: z.array(
    z.object({
      sha256: z.string().regex(/^[0-9A-F]{64}$/),
      role: z.enum(['anchor', 'intermediate']),
      name: z.string().min(1).max(200),
      url: z.string().max(500),
    }),
  ),
});

/** Run token work one call at a time (see the module comment). */
export interface TokenLock {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** A promise-chain mutex: each call starts after the previous one settled. */
export function createTokenLock(): TokenLock {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(work) {
      const next = tail.then(work, work);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}

/** The product pins plus those of `EXTRA_PINS_ENV` (a malformed extra file fails every signing call loudly). */
export function trustPins(env: NodeJS.ProcessEnv, productPins: Pin[]): Pin[] {
  const extra = env[EXTRA_PINS_ENV];
  if (extra === undefined || extra === '') return productPins;
  const parsed = PinFile.safeParse(JSON.parse(readFileSync(extra, 'utf8')));
  if (!parsed.success) throw new Error(`[signing] ${EXTRA_PINS_ENV}: tệp ghim không đúng dạng`);
  return [...productPins, ...parsed.data.pins];
}

export interface SigningHostOptions {
  dataDir: string;
  blobs: Pick<BlobStore, 'get' | 'put'>;
  jobs: Pick<JobRunner, 'run'>;
  settings: () => Promise<Settings>;
  env: NodeJS.ProcessEnv;
  onTokensChanged: (tokens: TokenSummary[]) => void;
  log: Pick<Console, 'warn' | 'error'>;
  /** Poll interval of the token watcher (default 2 s). */
  watchIntervalMs?: number;
}

export interface SigningHost {
  /** A service over the settings as they are now (cheap: the service holds no state of its own). */
  service(): Promise<SigningService>;
  lock: TokenLock;
  /** Start watching for token insertion/removal (idempotent; first called by token.list). */
  watch(): void;
  /** Stop the watcher (tests, shutdown). */
  stop(): void;
}

/** The module to use: the environment override, else the one chosen in Cài đặt, else auto-detection. */
export function configuredModule(settings: Settings, env: NodeJS.ProcessEnv): string | null {
  const fromEnv = env[MODULE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return settings.pkcs11Module ?? null;
}

/** Build the signing host of one data directory. */
export function createSigningHost(options: SigningHostOptions): SigningHost {
  let loaded: Promise<{ modules: Awaited<ReturnType<typeof signingModules>>; trust: TrustStore; verifier: VerifyPool }> | null = null;
  const load = () => {
    loaded ??= signingModules().then((modules) => {
      const product = modules.loadPins();
      const pins = trustPins(options.env, product);
      // Extra pins are for a test or training PKI: make it visible in the log whenever they are in force.
      if (pins.length > product.length) options.log.warn(`[signing] ${EXTRA_PINS_ENV}: ${pins.length - product.length} extra trust pins in force`);
      // Incoming files are verified in a worker thread with heap and time bounds (issue 6, item 7).
      return { modules, trust: new modules.TrustStore(join(options.dataDir, 'trust'), pins), verifier: new modules.VerifyPool() };
    });
    return loaded;
  };
  const lock = createTokenLock();
  // One receipt ledger per data directory: the proof of existence of documents verified on receipt (issue 6).
  const receipts = new ReceiptLedger(join(options.dataDir, 'receipts'));
  const service = async (): Promise<SigningService> => {
    const { modules, trust, verifier } = await load();
    const settings = await options.settings();
    const module = configuredModule(settings, options.env);
    return new modules.SigningService({
      blobs: options.blobs,
      jobs: options.jobs,
      trust,
      revocationCacheDir: join(options.dataDir, 'revocation'),
      // Live OCSP/CRL fetch is on unless the unit turned it off (offline commune offices).
      allowLiveFetch: settings.allowLiveRevocation ?? true,
      configuredModule: () => module,
      // PAdES B-T when the unit configured a TSA; B-B otherwise.
      tsaUrl: settings.tsaUrl ?? null,
      // PAdES B-LTA (a document timestamp after the DSS) for issued files whenever a TSA is configured (issue 6).
      archiveTimestamp: Boolean(settings.tsaUrl),
      receipts,
      verifier,
      now: () => new Date(),
    });
  };
  let watcher: TokenWatcher | null = null;
  const poll = async (): Promise<void> => {
    if (!watcher) {
      const { modules } = await load();
      watcher ??= new modules.TokenWatcher({
        list: () => lock.run(async () => (await service()).listTokens()),
        onChange: (tokens) => options.onTokensChanged(tokens.map((t) => ({ ...t }))),
      });
    }
    await watcher.poll();
  };
  const pollLogged = (): void => {
    poll().catch((cause: unknown) => options.log.warn('[signing] token poll failed', cause));
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    service,
    lock,
    watch() {
      if (timer) return;
      pollLogged();
      timer = setInterval(pollLogged, options.watchIntervalMs ?? 2000);
      // The watcher must never keep a closing process alive.
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      // The verification workers go too; a later call builds new ones.
      const done = loaded;
      loaded = null;
      void done?.then((l) => l.verifier.close()).catch(() => undefined);
    },
  };
}
