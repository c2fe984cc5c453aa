/**
 * The `Scanner` port (house rule 3: hardware sits behind a port with a real stand-in). Three adapters implement it:
 * SANE through `scanimage` (devices/sane-scanner.ts), eSCL over HTTP (devices/escl-scanner.ts) and Windows WIA 2.0
 * through PowerShell (devices/wia-scanner.ts). The scan service (scan-service.ts) turns their pages into a PDF.
 *
 * A scan that stops early (paper jam, cover open, the device gone) does not throw away what was scanned: the
 * adapter answers the pages it has together with an `interruption`, and the service keeps them (Art. 9.1: the paper
 * document is registered from its scan; a jam on page 7 must not cost pages 1–6).
 */

/** Where the paper comes from. `duplex` is the feeder scanning both sides. */
export type ScanSource = 'flatbed' | 'adf' | 'duplex';
/** `color` keeps the red seal and the blue ink of signatures; `gray` and `lineart` are for plain text. */
export type ColorMode = 'color' | 'gray' | 'lineart';
/** Paper sizes the UI offers; `max` is the device's whole area. */
export type PageSize = 'a4' | 'a5' | 'letter' | 'max';

/** Width × height in millimetres of each paper size (ISO 216, ANSI letter). */
export const PAGE_SIZES_MM: Readonly<Record<Exclude<PageSize, 'max'>, { width: number; height: number }>> = {
  a4: { width: 210, height: 297 },
  a5: { width: 148, height: 210 },
  letter: { width: 215.9, height: 279.4 },
};

/** A scanner as listed to the clerk. `id` is the adapter-prefixed identifier (`sane:test:0`, `escl:http://…`). */
export interface ScanDevice {
  id: string;
  /** Human name: vendor and model. */
  name: string;
  /** Which adapter drives it. */
  kind: 'sane' | 'escl' | 'wia';
}

/** What a device can do; the UI offers only these. */
export interface ScanCapabilities {
  resolutions: number[];
  colorModes: ColorMode[];
  sources: ScanSource[];
  /** Largest scan area in millimetres. */
  maxWidthMm: number;
  maxHeightMm: number;
}

/** One scan request, already validated (scan-schemas.ts). */
export interface ScanSettings {
  resolution: number;
  colorMode: ColorMode;
  source: ScanSource;
  pageSize: PageSize;
  /** Stop after this many pages (feeder); the flatbed always gives one. */
  maxPages: number;
}

/** One scanned page: an image file inside the scan's private work directory. */
export interface ScannedPage {
  path: string;
  format: 'png' | 'jpeg';
}

/** Why a scan stopped before the feeder was empty. */
export type InterruptionReason = 'cancelled' | 'jammed' | 'cover-open' | 'device-gone' | 'device-busy' | 'io-error';

export interface ScanOutcome {
  /** The pages scanned, in feeder order (duplex: front, back, front, …). May be empty. */
  pages: ScannedPage[];
  /** Set when the scan stopped early; the pages above are still good. */
  interruption?: { reason: InterruptionReason; detail: string };
}

export interface ScanRun {
  /** Aborting stops the device (kills `scanimage`, deletes the eSCL job); the adapter answers the complete pages with interruption 'cancelled'. */
  signal: AbortSignal;
  /** A private, empty directory for page files; the service deletes it afterwards. */
  workDir: string;
  /** Called after each complete page, in order (1-based count). */
  onPage(page: ScannedPage, count: number): void;
}

export interface Scanner {
  readonly kind: ScanDevice['kind'];
  /** Devices this adapter can reach now. Errors: SCANNER_UNAVAILABLE (the tool or service is missing). */
  listDevices(signal: AbortSignal): Promise<ScanDevice[]>;
  /** Options of one device. Errors: VALIDATION (malformed id), SCANNER_UNAVAILABLE (not found, not answering). */
  capabilities(deviceId: string, signal: AbortSignal): Promise<ScanCapabilities>;
  /**
   * Scan pages into `run.workDir`. Resolves with the pages and, when the device stopped early, an interruption.
   * Errors: VALIDATION (malformed id, settings the device lacks), SCANNER_UNAVAILABLE (cannot open the device at all).
   * A cancel is not an error here: the outcome carries interruption 'cancelled' and the pages complete so far.
   */
  scan(deviceId: string, settings: ScanSettings, run: ScanRun): Promise<ScanOutcome>;
}
