/** zod schemas and types of the scan channels (issue 9, "Scanning"); parsed in main before any handler runs. */
import { z } from 'zod';
import { JobId } from './schemas';
import type { StoredFile } from './contract';

/** Adapter-prefixed device id: `sane:test:0`, `escl:https://10.0.0.7/eSCL`, `wia:{6BDD1FC6-…}\0000`. */
export const ScanDeviceId = z
  .string()
  .min(5)
  .max(300)
  .regex(/^(sane|escl|wia):[\x20-\x7e]+$/, 'scan device id');

export const ScanSettingsSchema = z
  .object({
    resolution: z.number().int().min(50).max(1200),
    colorMode: z.enum(['color', 'gray', 'lineart']),
    source: z.enum(['flatbed', 'adf', 'duplex']),
    pageSize: z.enum(['a4', 'a5', 'letter', 'max']),
    maxPages: z.number().int().min(1).max(500),
  })
  .strict();

/** How one feeder stack becomes several documents: not at all, at blank pages, or at printed separator sheets. */
export const SplitMode = z.enum(['none', 'blank-page', 'separator-sheet']);
export type SplitMode = z.infer<typeof SplitMode>;

export const ScanStartRequest = z
  .object({ jobId: JobId.optional(), deviceId: ScanDeviceId, settings: ScanSettingsSchema, split: SplitMode.default('none') })
  .strict();
export type ScanStartRequest = z.infer<typeof ScanStartRequest>;

export const ScanDeviceRef = z.object({ deviceId: ScanDeviceId }).strict();

/** A network (eSCL) scanner the clerk adds by address, e.g. `http://192.168.1.20/eSCL`. */
export const NetworkScannerAdd = z.object({ url: z.string().min(8).max(500), name: z.string().trim().min(1).max(100).optional() }).strict();

export interface ScanDeviceSummary {
  id: string;
  name: string;
  kind: 'sane' | 'escl' | 'wia';
}

/** A network scanner found by DNS-SD (scan.discover), not yet added. */
export interface DiscoveredScannerSummary {
  url: string;
  name: string;
}

export interface ScanCapabilitiesSummary {
  resolutions: number[];
  colorModes: Array<'color' | 'gray' | 'lineart'>;
  sources: Array<'flatbed' | 'adf' | 'duplex'>;
  maxWidthMm: number;
  maxHeightMm: number;
}

/** One document of a scan: its PDF in the store (the scanned original, never rewritten) and its pages. */
export interface ScannedDocument {
  file: StoredFile;
  pageCount: number;
  /** 1-based numbers, in the feeder stack, of the pages in this document. */
  sourcePages: number[];
}

/** A document some scan stored (scan.recent): its PDF in the store, when, and from which device. */
export interface ScannedRecord {
  sha256: string;
  size: number;
  pageCount: number;
  /** ISO 8601 instant. */
  scannedAt: string;
  device: string;
}

export interface ScanResult {
  documents: ScannedDocument[];
  /** Pages the scanner delivered, separators and damaged ones included. */
  pagesScanned: number;
  /** Separator pages (blank or printed sheet) left out of the documents. */
  separatorPages: number[];
  /** Damaged pages left out (SCAN_IMAGE_CORRUPT is not raised when some pages are good; they are listed here). */
  corruptPages: number[];
}
