/**
 * The scan service (issue 9, "Scanning"; Art. 9.1: a paper document is scanned at reception). It picks the adapter
 * by the device id's prefix, runs the scan as a job (progress per page, cancel), checks every page, splits a feeder
 * stack into documents when asked (batch-split.ts), and stores each document's PDF once in the blob store: that PDF
 * is the scanned original and is never rewritten (OCR text is kept beside it, by its hash).
 *
 * Nothing scanned is lost: when the scanner jams, its cover opens, it disappears, a page is damaged or the clerk
 * cancels, the pages already scanned are still stored and the failure carries them as `details.partial`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../shared/api/limits';
import { AppFailure, type AppErrorCode } from '../../shared/api/result';
import type { ScanDeviceSummary, ScannedRecord, ScanResult, ScanStartRequest, ScannedDocument, SplitMode } from '../../shared/api/scan-schemas';
import type { BlobStore } from '../storage/blob-store';
import type { RecentScans } from './recent-scans';
import type { JobRunner } from '../jobs/job-runner';
import { measurePage, pageRole, splitStack, type PageRole } from './batch-split';
import { greySamples } from './image/png-image';
import { loadPage, pagesToPdf } from './pages-to-pdf';
import type { InterruptionReason, ScanCapabilities, ScanDevice, Scanner, ScannedPage, ScanSettings } from './scanner';

/** Network scanners the clerk added by address (devices/escl-registry.ts). */
export interface NetworkScanners {
  list(): Promise<ScanDevice[]>;
  /** Errors: VALIDATION (address), SCANNER_UNAVAILABLE (no eSCL answer). */
  add(url: string, name: string | undefined, signal: AbortSignal): Promise<ScanDevice>;
  /** False when no such device was added. */
  remove(deviceId: string): Promise<boolean>;
  /** Scanners announcing eSCL on the network (not added). */
  discover?(): Promise<Array<{ url: string; name: string }>>;
}

export interface ScanServiceOptions {
  blobs: BlobStore;
  jobs: JobRunner;
  /** One adapter per kind (sane, escl, wia); a missing kind answers SCANNER_UNAVAILABLE. */
  adapters: readonly Scanner[];
  network?: NetworkScanners;
  /** Where every stored document is recorded (recent-scans.ts); absent in tests that do not need it. */
  recent?: RecentScans;
  now?: () => Date;
  log?: Pick<Console, 'warn' | 'error'>;
  /** Where private work directories are made (default the OS temp dir). */
  tempDir?: string;
  /** Largest PDF stored as one document (default the store's MAX_FILE_BYTES); bigger ones are stored in parts. */
  maxPdfBytes?: number;
}

export interface ScanService {
  /** Devices of every adapter; an adapter that fails is logged and left out. */
  devices(): Promise<ScanDeviceSummary[]>;
  /** Errors: VALIDATION, SCANNER_UNAVAILABLE. */
  capabilities(deviceId: string): Promise<ScanCapabilities>;
  addNetwork(url: string, name?: string): Promise<ScanDeviceSummary>;
  /** Errors: NOT_FOUND. */
  removeNetwork(deviceId: string): Promise<{ removed: true }>;
  /** Network scanners found on the network that are not added yet. */
  discover(): Promise<Array<{ url: string; name: string }>>;
  /** Scan as a job; see scan-contract.ts for the errors and `details.partial`. */
  start(req: ScanStartRequest): Promise<ScanResult>;
  /** Documents stored by scans, newest first. */
  recent(): Promise<ScannedRecord[]>;
}

const INTERRUPTION: Readonly<Record<InterruptionReason, { code: AppErrorCode; message: string }>> = {
  cancelled: { code: 'CANCELLED', message: 'Đã dừng quét; các trang đã quét được giữ lại.' },
  jammed: { code: 'SCANNER_JAMMED', message: 'Máy quét bị kẹt giấy; các trang đã quét được giữ lại.' },
  'cover-open': { code: 'SCANNER_COVER_OPEN', message: 'Nắp máy quét đang mở; các trang đã quét được giữ lại.' },
  'device-gone': { code: 'SCANNER_UNAVAILABLE', message: 'Mất kết nối với máy quét giữa chừng; các trang đã quét được giữ lại.' },
  'device-busy': { code: 'SCANNER_UNAVAILABLE', message: 'Máy quét đang bận; các trang đã quét được giữ lại.' },
  'io-error': { code: 'SCANNER_UNAVAILABLE', message: 'Lỗi truyền dữ liệu từ máy quét; các trang đã quét được giữ lại.' },
};

/** Build the scan service. */
export function createScanService(opts: ScanServiceOptions): ScanService {
  const now = opts.now ?? ((): Date => new Date());
  const log = opts.log ?? console;
  const maxPdfBytes = opts.maxPdfBytes ?? MAX_FILE_BYTES;
  const adapterFor = (deviceId: string): Scanner => {
    const kind = deviceId.slice(0, deviceId.indexOf(':'));
    const adapter = opts.adapters.find((a) => a.kind === kind);
    if (adapter === undefined) throw new AppFailure('SCANNER_UNAVAILABLE', 'Máy này không có trình điều khiển cho loại máy quét đã chọn.', { deviceId });
    return adapter;
  };

  /** Check pages, split, build and store one PDF per document. */
  const store = async (pages: readonly ScannedPage[], settings: ScanSettings, split: SplitMode): Promise<ScanResult> => {
    const roles: Array<PageRole | 'corrupt'> = [];
    for (const page of pages) {
      try {
        const { png } = await loadPage(page);
        const grey = split === 'none' || png === undefined ? undefined : greySamples(png, Math.max(1, Math.floor(png.width / 300)));
        // A JPEG page is not measured (no decoder here): it always counts as content, so nothing is dropped.
        roles.push(grey === undefined ? 'content' : pageRole(measurePage(grey)));
      } catch (cause) {
        if (!(cause instanceof AppFailure) || cause.code !== 'SCAN_IMAGE_CORRUPT') throw cause;
        log.warn('[scan] damaged page left out', cause.details);
        roles.push('corrupt');
      }
    }
    const good = roles.flatMap((r, i) => (r === 'corrupt' ? [] : [i]));
    const corruptPages = roles.flatMap((r, i) => (r === 'corrupt' ? [i + 1] : []));
    const { documents: groups, separators } = splitStack(good.map((i) => roles[i] as PageRole), split, settings.source === 'duplex');
    const documents: ScannedDocument[] = [];
    // A document whose PDF would pass the store's bound is stored in consecutive parts, never dropped.
    const build = async (indexes: number[]): Promise<void> => {
      const built = await pagesToPdf(indexes.map((i) => pages[i] as ScannedPage), settings.resolution, now());
      if (built.pdf.length > maxPdfBytes && indexes.length > 1) {
        const half = Math.ceil(indexes.length / 2);
        await build(indexes.slice(0, half));
        await build(indexes.slice(half));
        return;
      }
      const file = await opts.blobs.put(built.pdf, 'application/pdf');
      documents.push({ file, pageCount: built.pageCount, sourcePages: indexes.map((i) => i + 1) });
    };
    for (const group of groups) await build(group.map((g) => good[g] ?? 0));
    return { documents, pagesScanned: pages.length, separatorPages: separators.map((s) => (good[s] ?? 0) + 1), corruptPages };
  };

  /** Record stored documents; a failure to record is logged and never costs the scan itself. */
  const remember = async (result: ScanResult | undefined, deviceId: string): Promise<void> => {
    if (result === undefined || result.documents.length === 0 || opts.recent === undefined) return;
    try {
      await opts.recent.add(result.documents, deviceId, now());
    } catch (cause) {
      log.error('[scan] could not record the scanned documents', cause);
    }
  };

  return {
    async devices() {
      const lists = await Promise.all(
        opts.adapters.map(async (a) => {
          try {
            return a.kind === 'escl' ? ((await opts.network?.list()) ?? []) : await a.listDevices(AbortSignal.timeout(30_000));
          } catch (cause) {
            log.warn(`[scan] ${a.kind} devices could not be listed`, cause);
            return [];
          }
        }),
      );
      return lists.flat();
    },
    capabilities: async (deviceId) => adapterFor(deviceId).capabilities(deviceId, AbortSignal.timeout(60_000)),
    async addNetwork(url, name) {
      if (opts.network === undefined) throw new AppFailure('SCANNER_UNAVAILABLE', 'Không hỗ trợ máy quét mạng trên máy này.');
      return opts.network.add(url, name, AbortSignal.timeout(30_000));
    },
    async discover() {
      if (opts.network?.discover === undefined) return [];
      const [found, added] = await Promise.all([opts.network.discover(), opts.network.list()]);
      return found.filter((f) => !added.some((a) => a.id === `escl:${f.url}`));
    },
    async removeNetwork(deviceId) {
      if (opts.network === undefined || !(await opts.network.remove(deviceId))) {
        throw new AppFailure('NOT_FOUND', 'Không có máy quét mạng này trong danh sách.', { deviceId });
      }
      return { removed: true as const };
    },
    recent: async () => (opts.recent === undefined ? [] : opts.recent.list()),
    async start(req) {
      const adapter = adapterFor(req.deviceId);
      const total = req.settings.source === 'flatbed' ? 1 : 0;
      return opts.jobs.run(req.jobId, 'Quét văn bản', async (ctx) => {
        const workDir = await mkdtemp(join(opts.tempDir ?? tmpdir(), 'vanthu-scan-'));
        try {
          ctx.progress(0, total);
          const outcome = await adapter.scan(req.deviceId, req.settings, {
            signal: ctx.signal,
            workDir,
            onPage: (_page, count) => ctx.progress(count, Math.max(total, count)),
          });
          const partial = outcome.pages.length > 0 ? await store(outcome.pages, req.settings, req.split) : undefined;
          await remember(partial, req.deviceId);
          if (outcome.interruption !== undefined) {
            const { code, message } = INTERRUPTION[outcome.interruption.reason];
            log.warn(`[scan] stopped early (${outcome.interruption.reason}) after ${outcome.pages.length} pages: ${outcome.interruption.detail}`);
            throw new AppFailure(code, message, { reason: outcome.interruption.reason, ...(partial ? { partial } : {}) });
          }
          if (partial === undefined) {
            throw new AppFailure('FEEDER_EMPTY', 'Không quét được trang nào: khay nạp giấy trống hoặc chưa đặt văn bản.');
          }
          if (partial.corruptPages.length > 0) {
            throw new AppFailure('SCAN_IMAGE_CORRUPT', `Trang ${partial.corruptPages.join(', ')} bị hỏng; các trang tốt được giữ lại.`, { partial });
          }
          return partial;
        } finally {
          await rm(workDir, { recursive: true, force: true });
        }
      });
    },
  };
}
