/**
 * Command construction of the WIA adapter, kept apart so it is unit-tested on Linux (it cannot run here): the
 * powershell.exe argument array, the environment that carries every value, device-id validation, and the parsing
 * of the script's output lines and WIA HRESULTs.
 */
import { AppFailure } from '../../../../shared/api/result';
import type { ColorMode, InterruptionReason, ScanSettings } from '../../scanner';
import { PAGE_SIZES_MM } from '../../scanner';
import { wiaScript, type WiaAction } from './wia-script';

// WIA device ids: `{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\0000` (the imaging class GUID and an instance number).
const WIA_DEVICE_ID = /^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}\\\d{4}$/;

/** Whether `id` is a WIA device id. */
export function isWiaDeviceId(id: unknown): id is string {
  return typeof id === 'string' && WIA_DEVICE_ID.test(id);
}

/** Strip the `wia:` prefix and validate. Errors: VALIDATION. */
export function wiaDeviceId(deviceId: string): string {
  const id = deviceId.startsWith('wia:') ? deviceId.slice(4) : '';
  if (!isWiaDeviceId(id)) throw new AppFailure('VALIDATION', 'Mã máy quét WIA không hợp lệ.', { deviceId });
  return id;
}

/** WIA_IPS_CUR_INTENT values. */
export const WIA_INTENT: Readonly<Record<ColorMode, number>> = { color: 1, gray: 2, lineart: 4 };

export interface WiaCommand {
  command: string;
  args: string[];
  /** Only VANTHU_WIA_* values are added to the inherited environment. */
  env: Record<string, string>;
}

/** powershell.exe with the constant script of `action` as -EncodedCommand; `values` go into the environment only. */
export function wiaCommand(action: WiaAction, values: Record<string, string> = {}): WiaCommand {
  const encoded = Buffer.from(wiaScript(action), 'utf16le').toString('base64');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    if (!/^VANTHU_WIA_[A-Z_]+$/.test(k)) throw new AppFailure('INTERNAL', `bad WIA variable ${k}`);
    env[k] = v;
  }
  return { command: 'powershell.exe', args: ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded], env };
}

/** The values of a scan (all validated numbers and enums, plus the checked device id and our own work dir). */
export function scanValues(deviceId: string, settings: ScanSettings, workDir: string, maxMm: { width: number; height: number }): Record<string, string> {
  const id = wiaDeviceId(deviceId);
  const size = settings.pageSize === 'max' ? maxMm : PAGE_SIZES_MM[settings.pageSize];
  const px = (mm: number): string => String(Math.round((Math.min(mm, Infinity) / 25.4) * settings.resolution));
  return {
    VANTHU_WIA_DEVICE_ID: id,
    VANTHU_WIA_OUT_DIR: workDir,
    VANTHU_WIA_SOURCE: settings.source,
    VANTHU_WIA_DPI: String(settings.resolution),
    VANTHU_WIA_INTENT: String(WIA_INTENT[settings.colorMode]),
    VANTHU_WIA_WIDTH_PX: px(Math.min(size.width, maxMm.width)),
    VANTHU_WIA_HEIGHT_PX: px(Math.min(size.height, maxMm.height)),
    VANTHU_WIA_MAX_PAGES: String(settings.source === 'flatbed' ? 1 : settings.maxPages),
  };
}

/** One output line of the script. */
export type WiaLine =
  | { kind: 'device'; id: string; name: string }
  | { kind: 'caps'; value: Record<string, unknown> }
  | { kind: 'page'; n: number }
  | { kind: 'end' }
  | { kind: 'error'; hresult: number; text: string };

/** Parse one line; unknown lines answer undefined (PowerShell may print warnings). */
export function parseWiaLine(line: string): WiaLine | undefined {
  const trimmed = line.trim();
  if (trimmed === 'END') return { kind: 'end' };
  const page = /^PAGE (\d{1,4})$/.exec(trimmed);
  if (page !== null) return { kind: 'page', n: Number(page[1]) };
  const error = /^ERROR 0x([0-9A-Fa-f]{8}) ?(.*)$/.exec(trimmed);
  if (error !== null) return { kind: 'error', hresult: Number.parseInt(error[1] ?? '0', 16), text: (error[2] ?? '').slice(0, 500) };
  const json = /^(DEVICE|CAPS) (\{.*\})$/.exec(trimmed);
  if (json === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json[2] ?? '');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (json[1] === 'CAPS') return { kind: 'caps', value: v };
  return isWiaDeviceId(v['id']) ? { kind: 'device', id: v['id'], name: String(v['name'] ?? '').slice(0, 100) } : undefined;
}

/** What a WIA HRESULT means for a scan (wiadef.h WIA_ERROR_*). */
export function wiaReason(hresult: number): InterruptionReason | 'feeder-empty' {
  switch (hresult >>> 0) {
    case 0x80210002:
    case 0x80210004:
      return 'jammed';
    case 0x80210003:
      return 'feeder-empty';
    case 0x80210016:
      return 'cover-open';
    case 0x80210006:
    case 0x80210007:
    case 0x8021000d:
      return 'device-busy';
    case 0x80210005:
    case 0x80210015:
    case 0x80210009:
      return 'device-gone';
    default:
      return 'io-error';
  }
}
