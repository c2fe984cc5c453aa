/**
 * The scan channels of issue 9 ("Scanning"), spread into `contract` (contract.ts) like signing-contract.ts.
 * A scan is a job: `job.progress` after each page (done = pages so far, total = 0 while the feeder's stack is
 * unknown), cancellable through `jobs.cancel`. A scan that stops early never loses pages: the failure carries
 * `details.partial` (a ScanResult with the pages scanned so far, already stored as PDF).
 */
import { Empty } from './schemas';
import {
  NetworkScannerAdd,
  ScanDeviceRef,
  ScanStartRequest,
  type DiscoveredScannerSummary,
  type ScanCapabilitiesSummary,
  type ScanDeviceSummary,
  type ScannedRecord,
  type ScanResult,
} from './scan-schemas';
import { ScanExtractRequest, type ScanExtractOutcome } from './ocr-schemas';
import type { z } from 'zod';

interface ChannelSpec<S extends z.ZodType, R> {
  schema: S;
  /** Phantom: carries the response type; never read at run time. */
  readonly response?: R;
}

function request<S extends z.ZodType>(schema: S) {
  return { returns: <R>(): ChannelSpec<S, R> => ({ schema }) };
}

export const scanContract = {
  /** Scanners reachable now: SANE devices, the network (eSCL) scanners added by address, WIA devices on Windows. Errors: none (an adapter that fails is left out and logged). */
  'scan.devices': request(Empty).returns<ScanDeviceSummary[]>(),
  /** What one scanner offers (resolutions, colour modes, sources, area). Errors: VALIDATION, SCANNER_UNAVAILABLE, NOT_FOUND. */
  'scan.capabilities': request(ScanDeviceRef).returns<ScanCapabilitiesSummary>(),
  /** Add a network scanner by its eSCL address (http/https only; it must answer ScannerCapabilities). Errors: VALIDATION, SCANNER_UNAVAILABLE. */
  'scan.addNetwork': request(NetworkScannerAdd).returns<ScanDeviceSummary>(),
  /** Network scanners announcing eSCL on the local network (DNS-SD `_uscan._tcp`, about 2 s), minus those already added. Errors: none. */
  'scan.discover': request(Empty).returns<DiscoveredScannerSummary[]>(),
  /** Forget a network scanner. Errors: NOT_FOUND. */
  'scan.removeNetwork': request(ScanDeviceRef).returns<{ removed: true }>(),
  /**
   * Scan a document (or a feeder stack split into several) into PDFs in the store, as a job. Errors: VALIDATION,
   * NOT_FOUND (a network scanner that was not added),
   * SCANNER_UNAVAILABLE (could not open, or gone mid-job), SCANNER_JAMMED, SCANNER_COVER_OPEN, FEEDER_EMPTY (0 pages),
   * SCAN_IMAGE_CORRUPT (no readable page), CANCELLED; all but VALIDATION carry `details.partial` when pages were kept.
   */
  'scan.start': request(ScanStartRequest).returns<ScanResult>(),
  /** Documents stored by scans on this workstation, newest first (also those kept from a stopped scan), so none is lost before it is registered. Errors: none. */
  'scan.recent': request(Empty).returns<ScannedRecord[]>(),
  /**
   * OCR and automatic fill of a stored PDF, as a job (progress per page, cancel): the register fields in NĐ 30
   * layout with a confidence and a box each; the OCR text is stored beside the original (textHash). Errors:
   * VALIDATION, NOT_FOUND, INTEGRITY, EMPTY_FILE (no text on any page), TOO_LARGE, NOT_PDF, SCAN_IMAGE_CORRUPT,
   * INTERNAL (tesseract or poppler missing: details.missing), CANCELLED, CONFLICT.
   */
  'scan.extract': request(ScanExtractRequest).returns<ScanExtractOutcome>(),
} as const;
