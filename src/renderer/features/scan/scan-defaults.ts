/** Default scan settings for a device: what keeps a paper document legible in the register (Art. 9.1). */
import type { ScanCapabilitiesSummary } from '../../../shared/api/scan-schemas';

export interface ScanChoice {
  resolution: number;
  colorMode: 'color' | 'gray' | 'lineart';
  source: 'flatbed' | 'adf' | 'duplex';
  pageSize: 'a4' | 'a5' | 'letter' | 'max';
  maxPages: number;
}

/** Most pages one feeder run may give (the contract allows 500). */
export const MAX_FEEDER_PAGES = 200;

/**
 * 300 dpi (or the closest offered), colour so the red seal and signatures stay legible, the feeder when there is
 * one, A4. Values the device does not offer are replaced by one it does.
 */
export function defaultChoice(caps: ScanCapabilitiesSummary, previous?: ScanChoice): ScanChoice {
  const closest = (want: number): number =>
    caps.resolutions.reduce((best, r) => (Math.abs(r - want) < Math.abs(best - want) ? r : best), caps.resolutions[0] ?? want);
  const resolution = previous && caps.resolutions.includes(previous.resolution) ? previous.resolution : closest(300);
  const colorMode = previous && caps.colorModes.includes(previous.colorMode) ? previous.colorMode : (caps.colorModes[0] ?? 'color');
  const source = previous && caps.sources.includes(previous.source) ? previous.source : caps.sources.includes('adf') ? 'adf' : (caps.sources[0] ?? 'flatbed');
  return { resolution, colorMode, source, pageSize: previous?.pageSize ?? 'a4', maxPages: MAX_FEEDER_PAGES };
}
