/**
 * SANE adapter: drives `scanimage` (Debian sane-utils) as a child process with an argument array, never a shell.
 * Device names are validated and must appear in `scanimage -L`'s list before they reach an argument. A feeder scan
 * is one `scanimage --batch` into the scan's private work directory; each page is reported once its file is
 * complete (scanimage writes `<name>.part` and renames it), so progress is per page and a jam keeps the pages
 * already finished. Cancel kills the process; the half-written `.part` page is ignored.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/api/result';
import { PAGE_SIZES_MM, type InterruptionReason, type ScanCapabilities, type ScanDevice, type Scanner, type ScanOutcome, type ScannedPage, type ScanRun, type ScanSettings } from '../scanner';
import { backendSource, isSaneDeviceName, LIST_FORMAT, modeArgs, parseDeviceList, parseOptions, toCapabilities, type SaneOption } from './sane-options';

export interface SaneScannerOptions {
  /** Path or name of scanimage (default `scanimage` on PATH). */
  command?: string;
  /** Environment of the child (default process.env; tests set SANE_CONFIG_DIR there). */
  env?: NodeJS.ProcessEnv;
  /** Extra arguments appended to every scan, e.g. the test backend's `--test-picture=Grid` (from the host's settings, never the renderer). */
  extraScanArgs?: readonly string[];
  /** Kill a scan that prints nothing and finishes no page for this long (default 180 s): the device went away. */
  stallMs?: number;
  /** Bound of `-L` / `-A` runs (default 30 s). */
  queryTimeoutMs?: number;
}

const PAGE_FILE = /^page-(\d{4})\.(png)$/;
const MAX_QUERY_OUTPUT = 1024 * 1024;
const MAX_STDERR_KEPT = 8 * 1024;

/** Strip our `sane:` prefix and validate. Errors: VALIDATION. */
export function saneName(deviceId: string): string {
  const name = deviceId.startsWith('sane:') ? deviceId.slice(5) : '';
  if (!isSaneDeviceName(name)) throw new AppFailure('VALIDATION', 'Mã máy quét SANE không hợp lệ.', { deviceId });
  return name;
}

/** What ended a `scanimage` run, read from its exit status (SANE_Status) and its last messages. */
export function classifyExit(code: number | null, stderr: string): InterruptionReason | 'feeder-empty' | 'ok' | 'cannot-open' {
  if (/open of device .* failed/i.test(stderr)) return 'cannot-open';
  if (code === 6 || /jammed/i.test(stderr)) return 'jammed';
  if (code === 8 || /cover is open/i.test(stderr)) return 'cover-open';
  if (code === 3 || /device busy/i.test(stderr)) return 'device-busy';
  if (code === 7 || /out of documents/i.test(stderr)) return 'feeder-empty';
  if (code === 0) return 'ok';
  return code === 9 || /error during device i\/o/i.test(stderr) ? 'io-error' : 'device-gone';
}

/** The `scanimage` argument array of one scan (exported for unit tests). Errors: VALIDATION (the device lacks a setting). */
export function scanArgs(name: string, options: Map<string, SaneOption>, settings: ScanSettings, workDir: string, extra: readonly string[] = []): string[] {
  if (workDir.includes('%')) throw new AppFailure('INTERNAL', 'Thư mục tạm chứa ký tự %.');
  const mode = modeArgs(options, settings.colorMode);
  if (mode === undefined) throw new AppFailure('VALIDATION', 'Máy quét không hỗ trợ chế độ màu đã chọn.', { colorMode: settings.colorMode });
  const args = [`--device-name=${name}`, '--format=png', ...mode, `--resolution=${settings.resolution}`];
  if (options.has('--source')) {
    const source = backendSource(options, settings.source);
    if (source === undefined) throw new AppFailure('VALIDATION', 'Máy quét không có nguồn giấy đã chọn.', { source: settings.source });
    args.push(`--source=${source}`);
  } else if (settings.source !== 'flatbed') {
    throw new AppFailure('VALIDATION', 'Máy quét chỉ có mặt kính phẳng.', { source: settings.source });
  }
  const maxW = options.get('-x')?.range?.max;
  const maxH = options.get('-y')?.range?.max;
  if (maxW !== undefined && maxH !== undefined) {
    const size = settings.pageSize === 'max' ? { width: maxW, height: maxH } : PAGE_SIZES_MM[settings.pageSize];
    // A scanner smaller than the paper (the test backend is 200 × 200 mm) scans its whole area.
    args.push('-l', '0', '-t', '0', '-x', String(Math.min(size.width, maxW)), '-y', String(Math.min(size.height, maxH)));
  }
  const pages = settings.source === 'flatbed' ? 1 : settings.maxPages;
  args.push(`--batch=${join(workDir, 'page-%04d.png')}`, `--batch-count=${pages}`, ...extra);
  return args;
}

/** Build the SANE adapter. */
export function createSaneScanner(opts: SaneScannerOptions = {}): Scanner {
  const command = opts.command ?? 'scanimage';
  const env = opts.env ?? process.env;
  const stallMs = opts.stallMs ?? 180_000;
  const queryTimeoutMs = opts.queryTimeoutMs ?? 30_000;

  /** Run a short query (`-L`, `-A`) with bounded time and output. */
  const query = (args: string[], signal: AbortSignal): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], signal, timeout: queryTimeoutMs });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.length > MAX_QUERY_OUTPUT) child.kill('SIGKILL');
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr = (stderr + d).slice(-MAX_STDERR_KEPT);
      });
      child.on('error', (cause: NodeJS.ErrnoException) => reject(unavailable(cause)));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  const readOptions = async (name: string, signal: AbortSignal): Promise<Map<string, SaneOption>> => {
    const known = parseDeviceList((await query(['-f', LIST_FORMAT], signal)).stdout);
    if (!known.some((d) => d.id === `sane:${name}`)) {
      throw new AppFailure('SCANNER_UNAVAILABLE', 'Không tìm thấy máy quét: hãy kiểm tra máy đã bật và đã kết nối.', { device: name });
    }
    const help = await query([`--device-name=${name}`, '-A'], signal);
    const options = parseOptions(help.stdout + '\n' + help.stderr);
    if (!options.has('--resolution')) {
      throw new AppFailure('SCANNER_UNAVAILABLE', 'Máy quét không trả lời: hãy kiểm tra máy đã bật và đã kết nối.', { device: name, stderr: help.stderr.slice(-500) });
    }
    return options;
  };

  return {
    kind: 'sane',
    async listDevices(signal): Promise<ScanDevice[]> {
      return parseDeviceList((await query(['-f', LIST_FORMAT], signal)).stdout);
    },
    async capabilities(deviceId, signal): Promise<ScanCapabilities> {
      return toCapabilities(await readOptions(saneName(deviceId), signal));
    },
    async scan(deviceId, settings, run): Promise<ScanOutcome> {
      const name = saneName(deviceId);
      const options = await readOptions(name, run.signal);
      const args = scanArgs(name, options, settings, run.workDir, opts.extraScanArgs);
      return runBatch(command, args, env, stallMs, run);
    },
  };
}

function unavailable(cause: NodeJS.ErrnoException): AppFailure {
  if (cause.name === 'AbortError') return new AppFailure('CANCELLED', 'Đã dừng.');
  return cause.code === 'ENOENT'
    ? new AppFailure('SCANNER_UNAVAILABLE', 'Chưa cài chương trình quét scanimage (gói sane-utils).')
    : new AppFailure('SCANNER_UNAVAILABLE', `Không chạy được scanimage: ${cause.message}`);
}

/** One `scanimage --batch` run; resolves with the complete pages and why it ended. */
function runBatch(command: string, args: string[], env: NodeJS.ProcessEnv, stallMs: number, run: ScanRun): Promise<ScanOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const pages: ScannedPage[] = [];
    let stderr = '';
    let cancelled = false;
    let stalled = false;
    let collecting = Promise.resolve();
    let stallTimer = setTimeout(onStall, stallMs);

    function onStall(): void {
      stalled = true;
      child.kill('SIGKILL');
    }
    const touch = (): void => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(onStall, stallMs);
    };
    // Report finished page files in order; `.part` files are pages still being written.
    const collect = (): Promise<void> => {
      collecting = collecting.then(async () => {
        const names = (await readdir(run.workDir)).filter((n) => PAGE_FILE.test(n)).sort();
        for (const n of names.slice(pages.length)) {
          const page: ScannedPage = { path: join(run.workDir, n), format: 'png' };
          pages.push(page);
          touch();
          run.onPage(page, pages.length);
        }
      });
      return collecting;
    };
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => {
      cancelled = true;
      // scanimage answers SIGTERM with sane_cancel and exits; a backend stuck in a read gets SIGKILL after 10 s.
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    };
    if (run.signal.aborted) onAbort();
    else run.signal.addEventListener('abort', onAbort, { once: true });

    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-MAX_STDERR_KEPT);
      touch();
      // "Scanning page N" is printed after page N-1 was renamed into place.
      if (/Scanning page \d+|Scanned page \d+/.test(d)) void collect().catch(() => undefined);
    });
    child.on('error', (cause: NodeJS.ErrnoException) => {
      clearTimeout(stallTimer);
      run.signal.removeEventListener('abort', onAbort);
      reject(unavailable(cause));
    });
    child.on('close', (code) => {
      clearTimeout(stallTimer);
      clearTimeout(killTimer);
      run.signal.removeEventListener('abort', onAbort);
      collect().then(() => {
        if (cancelled) return resolve({ pages, interruption: { reason: 'cancelled', detail: 'stopped by the clerk' } });
        if (stalled) return resolve({ pages, interruption: { reason: 'device-gone', detail: `no answer for ${stallMs} ms` } });
        const ended = classifyExit(code, stderr);
        if (ended === 'ok' || ended === 'feeder-empty') return resolve({ pages });
        if (ended === 'cannot-open' && pages.length === 0) {
          return reject(new AppFailure('SCANNER_UNAVAILABLE', 'Không mở được máy quét: máy đang bận, đã tắt hoặc đã bị ngắt kết nối.', { stderr: stderr.slice(-500) }));
        }
        resolve({ pages, interruption: { reason: ended === 'cannot-open' ? 'device-gone' : ended, detail: stderr.slice(-500) } });
      }, reject);
    });
  });
}
