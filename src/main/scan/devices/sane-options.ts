/**
 * Pure parsing for the SANE adapter: `scanimage -f` device lists, `scanimage -A` option help, and the mapping of
 * our settings onto a backend's own option values (backends name modes and sources differently: "Color" /
 * "24bit Color", "Gray" / "Grayscale", "Lineart" / "Binary"; "ADF" / "Automatic Document Feeder" / "ADF Duplex").
 */
import type { ColorMode, ScanCapabilities, ScanDevice, ScanSource } from '../scanner';

/** Separator of the fields printed by `scanimage -f` (a unit separator never appears in device names). */
export const LIST_FIELD_SEPARATOR = '\u001f';
/** The `-f` format string: name, vendor, model, type, one device per line. */
export const LIST_FORMAT = ['%d', '%v', '%m', '%t'].join(LIST_FIELD_SEPARATOR) + '%n';

// SANE device names look like `test:0`, `epson2:net:10.0.0.5`, `hpaio:/usb/Deskjet?serial=CN12`, `airscan:e0:HP`.
// No leading '-' (it would read as an option), no control characters, no shell or quote characters.
const SANE_NAME = /^[A-Za-z0-9][A-Za-z0-9_:./?=&@%+,\- ]{0,199}$/;

/** Whether `name` is an acceptable SANE device name (it still has to appear in the device list). */
export function isSaneDeviceName(name: unknown): name is string {
  return typeof name === 'string' && SANE_NAME.test(name) && !name.endsWith(' ');
}

/** Parse the output of `scanimage -f LIST_FORMAT`. Lines with an unacceptable name are skipped. */
export function parseDeviceList(stdout: string): ScanDevice[] {
  const devices: ScanDevice[] = [];
  for (const line of stdout.split('\n')) {
    const [name, vendor = '', model = '', type = ''] = line.split(LIST_FIELD_SEPARATOR);
    if (name === undefined || !isSaneDeviceName(name)) continue;
    const label = [vendor, model].map((s) => s.trim()).filter((s) => s !== '').join(' ') || name;
    devices.push({ id: `sane:${name}`, name: type.trim() === '' ? label : `${label} (${type.trim()})`, kind: 'sane' });
  }
  return devices;
}

/** One option as `scanimage -A` prints it: `--mode Gray|Color [Gray]`, `-x 0..200mm (in steps of 1) [80]`. */
export interface SaneOption {
  values: string[];
  range?: { min: number; max: number };
  inactive: boolean;
}

const OPTION_LINE = /^\s{4}(--?[a-z][a-z0-9-]*)(?:\[=\(([^)]*)\)\])?\s*(.*?)\s*\[([^\]]*)\]\s*$/;

/** Parse `scanimage -d DEV -A` into option name → values. Only the option header lines are read. */
export function parseOptions(help: string): Map<string, SaneOption> {
  const options = new Map<string, SaneOption>();
  for (const line of help.split('\n')) {
    const m = OPTION_LINE.exec(line);
    if (m === null) continue;
    const name = m[1] ?? '';
    const spec = (m[2] ?? m[3] ?? '').trim();
    const inactive = (m[4] ?? '') === 'inactive';
    const range = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)/.exec(spec);
    if (range !== null) {
      options.set(name, { values: [], range: { min: Number(range[1]), max: Number(range[2]) }, inactive });
    } else {
      // "75|150|300dpi" or "Flatbed|Automatic Document Feeder": strip a trailing unit from the last value.
      const values = spec.split('|').map((v) => v.trim()).filter((v) => v !== '');
      const last = values.length - 1;
      if (last >= 0 && /^\d+(dpi|mm)$/.test(values[last] ?? '')) values[last] = (values[last] ?? '').replace(/(dpi|mm)$/, '');
      options.set(name, { values, inactive });
    }
  }
  return options;
}

const MODE_NAMES: Readonly<Record<ColorMode, RegExp>> = {
  color: /colou?r/i,
  gray: /gr[ae]y/i,
  lineart: /lineart|binary|black ?& ?white|monochrome|halftone/i,
};
const SOURCE_NAMES: Readonly<Record<ScanSource, (v: string) => boolean>> = {
  flatbed: (v) => /flatbed|normal/i.test(v),
  adf: (v) => /adf|feeder/i.test(v) && !/duplex|back/i.test(v),
  duplex: (v) => /duplex/i.test(v),
};
/** Resolutions offered from a continuous range. */
const COMMON_DPI = [75, 100, 150, 200, 300, 400, 600];

/** The backend's value for a colour mode, or undefined (lineart falls back to Gray at depth 1, see `modeArgs`). */
export function backendMode(options: Map<string, SaneOption>, mode: ColorMode): string | undefined {
  return options.get('--mode')?.values.find((v) => MODE_NAMES[mode].test(v));
}

/** The backend's value for a source, or undefined. */
export function backendSource(options: Map<string, SaneOption>, source: ScanSource): string | undefined {
  return options.get('--source')?.values.find(SOURCE_NAMES[source]);
}

/** `scanimage` arguments selecting `mode`, or undefined when the device cannot do it. */
export function modeArgs(options: Map<string, SaneOption>, mode: ColorMode): string[] | undefined {
  const value = backendMode(options, mode);
  if (value !== undefined) return ['--mode', value];
  const depth = options.get('--depth');
  const gray = backendMode(options, 'gray');
  // A backend without a Lineart mode (the test backend) still gives bilevel pages as Gray at depth 1.
  if (mode === 'lineart' && gray !== undefined && depth?.values.includes('1') === true) return ['--mode', gray, '--depth', '1'];
  return undefined;
}

/** What the device offers, from its parsed options. */
export function toCapabilities(options: Map<string, SaneOption>): ScanCapabilities {
  const res = options.get('--resolution');
  const resolutions = res?.range
    ? COMMON_DPI.filter((d) => d >= (res.range?.min ?? 0) && d <= (res.range?.max ?? 0))
    : (res?.values ?? []).map(Number).filter((d) => Number.isInteger(d) && d > 0);
  const colorModes = (['color', 'gray', 'lineart'] as const).filter((m) => modeArgs(options, m) !== undefined);
  const sources = (['flatbed', 'adf', 'duplex'] as const).filter((s) => backendSource(options, s) !== undefined);
  return {
    resolutions,
    colorModes,
    // A device without a --source option is a flatbed.
    sources: options.has('--source') ? sources : ['flatbed'],
    maxWidthMm: options.get('-x')?.range?.max ?? 0,
    maxHeightMm: options.get('-y')?.range?.max ?? 0,
  };
}
