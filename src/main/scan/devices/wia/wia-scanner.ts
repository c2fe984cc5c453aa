/**
 * Windows adapter: WIA 2.0 through PowerShell (wia-script.ts, wia-command.ts). One powershell.exe per call, its
 * script constant and its values in the environment; pages are PNG files in the scan's work directory, reported as
 * the script prints `PAGE n`. Cancel kills the process. It cannot run on the Linux build machines; its command
 * construction and output handling are unit-tested with a stand-in process.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AppFailure } from '../../../../shared/api/result';
import type { ScanCapabilities, ScanDevice, Scanner, ScanOutcome, ScannedPage } from '../../scanner';
import { parseWiaLine, scanValues, wiaCommand, wiaDeviceId, wiaReason, type WiaLine } from './wia-command';
import type { WiaAction } from './wia-script';

export interface WiaScannerOptions {
  /** Starts the process (default node's spawn); tests pass a stand-in. */
  spawnProcess?: (command: string, args: string[], options: SpawnOptions) => ChildProcess;
  env?: NodeJS.ProcessEnv;
  /** Bound of list/capabilities calls (default 60 s). */
  queryTimeoutMs?: number;
}

const COMMON_DPI = [75, 100, 150, 200, 300, 400, 600];

/** Build the WIA adapter. */
export function createWiaScanner(opts: WiaScannerOptions = {}): Scanner {
  const spawnProcess = opts.spawnProcess ?? ((c, a, o) => spawn(c, a, o));
  const baseEnv = opts.env ?? process.env;

  /** Run one action; `onLine` sees every parsed line. Resolves with the exit code. */
  const runAction = (action: WiaAction, values: Record<string, string>, signal: AbortSignal, onLine: (l: WiaLine) => void, timeoutMs?: number): Promise<number | null> =>
    new Promise((resolve, reject) => {
      const cmd = wiaCommand(action, values);
      const child = spawnProcess(cmd.command, cmd.args, {
        env: { ...baseEnv, ...cmd.env },
        stdio: ['ignore', 'pipe', 'ignore'],
        windowsHide: true,
        ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
      });
      const kill = (): void => {
        child.kill();
      };
      signal.addEventListener('abort', kill, { once: true });
      if (child.stdout !== null) {
        const lines = createInterface({ input: child.stdout });
        lines.on('line', (raw) => {
          if (raw.length > 64 * 1024) return;
          const line = parseWiaLine(raw);
          if (line !== undefined) onLine(line);
        });
      }
      child.on('error', (cause: NodeJS.ErrnoException) => {
        signal.removeEventListener('abort', kill);
        reject(new AppFailure('SCANNER_UNAVAILABLE', cause.code === 'ENOENT' ? 'Không tìm thấy Windows PowerShell để dùng máy quét WIA.' : `Không chạy được PowerShell: ${cause.message}`));
      });
      child.on('close', (code) => {
        signal.removeEventListener('abort', kill);
        // readline may still hold the last line; let it flush first.
        setImmediate(() => resolve(code));
      });
    });

  const capsOf = async (deviceId: string, signal: AbortSignal): Promise<ScanCapabilities> => {
    let caps: Record<string, unknown> | undefined;
    let error: WiaLine | undefined;
    await runAction('capabilities', { VANTHU_WIA_DEVICE_ID: wiaDeviceId(deviceId) }, signal, (l) => {
      if (l.kind === 'caps') caps = l.value;
      if (l.kind === 'error') error = l;
    }, opts.queryTimeoutMs ?? 60_000);
    if (caps === undefined) {
      throw new AppFailure('SCANNER_UNAVAILABLE', 'Không đọc được thông tin máy quét WIA.', { detail: error?.kind === 'error' ? error.text : 'no answer' });
    }
    return toCapabilities(caps);
  };

  return {
    kind: 'wia',
    async listDevices(signal): Promise<ScanDevice[]> {
      const devices: ScanDevice[] = [];
      await runAction('list', {}, signal, (l) => {
        if (l.kind === 'device' && devices.length < 64) devices.push({ id: `wia:${l.id}`, name: l.name || l.id, kind: 'wia' });
      }, opts.queryTimeoutMs ?? 60_000);
      return devices;
    },
    capabilities: capsOf,
    async scan(deviceId, settings, run): Promise<ScanOutcome> {
      const caps = await capsOf(deviceId, run.signal);
      if (!caps.sources.includes(settings.source)) throw new AppFailure('VALIDATION', 'Máy quét không có nguồn giấy đã chọn.', { source: settings.source });
      const values = scanValues(deviceId, settings, run.workDir, { width: caps.maxWidthMm, height: caps.maxHeightMm });
      const pages: ScannedPage[] = [];
      let error: Extract<WiaLine, { kind: 'error' }> | undefined;
      let ended = false;
      await runAction('scan', values, run.signal, (l) => {
        if (l.kind === 'page' && l.n === pages.length + 1) {
          const page: ScannedPage = { path: join(run.workDir, `page-${String(l.n).padStart(4, '0')}.png`), format: 'png' };
          pages.push(page);
          run.onPage(page, pages.length);
        } else if (l.kind === 'error') error = l;
        else if (l.kind === 'end') ended = true;
      });
      if (run.signal.aborted) return { pages, interruption: { reason: 'cancelled', detail: 'stopped by the clerk' } };
      if (error !== undefined) {
        const reason = wiaReason(error.hresult);
        if (reason === 'feeder-empty') return { pages };
        if (pages.length === 0 && reason === 'device-gone') throw new AppFailure('SCANNER_UNAVAILABLE', 'Không mở được máy quét WIA: máy đã tắt hoặc bị ngắt kết nối.', { detail: error.text });
        return { pages, interruption: { reason, detail: error.text } };
      }
      return ended ? { pages } : { pages, interruption: { reason: 'device-gone', detail: 'PowerShell ended without END' } };
    },
  };
}

/** WIA property values (device handling bits, 1/1000 inch bed size, resolution list or range) → our capabilities. */
export function toCapabilities(caps: Record<string, unknown>): ScanCapabilities {
  const handling = Number(caps['handling'] ?? 2);
  const raw = Array.isArray(caps['resolutions']) ? caps['resolutions'].map(Number).filter((n) => Number.isInteger(n) && n > 0) : [];
  const resolutions = caps['resolutionSubType'] === 1 && raw.length === 2 ? COMMON_DPI.filter((d) => d >= (raw[0] ?? 0) && d <= (raw[1] ?? 0)) : raw.filter((d) => d <= 1200);
  const sources: ScanCapabilities['sources'] = [];
  if (handling & 2) sources.push('flatbed');
  if (handling & 1) sources.push('adf');
  if (handling & 1 && handling & 4) sources.push('duplex');
  const mm = (thousandths: unknown): number => Math.round((Number(thousandths) / 1000) * 25.4);
  return { resolutions, colorModes: ['color', 'gray', 'lineart'], sources, maxWidthMm: mm(caps['widthThousandths'] ?? 8500), maxHeightMm: mm(caps['heightThousandths'] ?? 11690) };
}
