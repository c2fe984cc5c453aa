/**
 * Which scanner adapters this workstation gets (issue 9): SANE through scanimage everywhere but Windows, WIA 2.0
 * through PowerShell on Windows, and eSCL network scanners the clerk adds by address (kept in the data directory).
 *
 * VANTHU_SANE_EXTRA_ARGS (a JSON array of `--option=value` strings) adds options to every SANE scan: the test and
 * training set-ups use it to pick the test backend's picture or slow it down (environment.md §5). Each entry is
 * checked against a strict pattern, and it comes from the environment of main, never from the renderer.
 */
import type { Scanner } from '../scan/scanner';
import type { NetworkScanners } from '../scan/scan-service';
import { createRecentScans, type RecentScans } from '../scan/recent-scans';
import { createEsclRegistry } from '../scan/devices/escl/escl-registry';
import { createEsclScanner } from '../scan/devices/escl/escl-scanner';
import { createSaneScanner } from '../scan/devices/sane-scanner';
import { createWiaScanner } from '../scan/devices/wia/wia-scanner';

export interface ScanAdaptersOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  log: Pick<Console, 'warn' | 'error'>;
  platform?: NodeJS.Platform;
}

const EXTRA_ARG = /^--[a-z][a-z-]{0,40}=[A-Za-z0-9 _.-]{0,64}$/;

/** Parse VANTHU_SANE_EXTRA_ARGS; a malformed value is logged and ignored. */
export function saneExtraArgs(raw: string | undefined, log: Pick<Console, 'warn'>): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.length <= 16 && parsed.every((a) => typeof a === 'string' && EXTRA_ARG.test(a))) {
      log.warn(`[scan] extra SANE options in force (test/training): ${parsed.join(' ')}`);
      return parsed as string[];
    }
  } catch {
    // fall through to the warning
  }
  log.warn('[scan] VANTHU_SANE_EXTRA_ARGS ignored: expected a JSON array of --option=value strings');
  return [];
}

/** Build the adapters for this platform, the network-scanner list and the record of scanned documents. */
export function createScanAdapters(options: ScanAdaptersOptions): { adapters: Scanner[]; network: NetworkScanners; recent: RecentScans } {
  const platform = options.platform ?? process.platform;
  const adapters: Scanner[] = [];
  if (platform === 'win32') adapters.push(createWiaScanner({ env: options.env }));
  else {
    adapters.push(createSaneScanner({ env: options.env, extraScanArgs: saneExtraArgs(options.env['VANTHU_SANE_EXTRA_ARGS'], options.log) }));
  }
  const network = createEsclRegistry({ dataDir: options.dataDir, log: options.log });
  adapters.push(createEsclScanner({ listDevices: () => network.list() }));
  return { adapters, network, recent: createRecentScans({ dataDir: options.dataDir, log: options.log }) };
}
