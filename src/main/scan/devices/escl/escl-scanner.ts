/**
 * eSCL adapter: driverless network scanners over HTTP (Mopria eSCL; what AirScan devices speak). A scan is
 * `POST ScanJobs` (ScanSettings) → `201 Created` with the job's Location, then `GET <job>/NextDocument` once per page
 * until `404` (the feeder is empty, or the flatbed's one page was sent). After a 404 the ScannerStatus tells a paper
 * jam or an open door from a normal end. A device that stops answering is "gone": the pages already received stay.
 * Cancel deletes the job on the device. Devices are the addresses the clerk added (escl-registry.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../../shared/api/result';
import { MAX_PAGE_BYTES } from '../../pages-to-pdf';
import { isPng } from '../../image/png-image';
import { PAGE_SIZES_MM, type InterruptionReason, type ScanCapabilities, type Scanner, type ScanOutcome, type ScannedPage, type ScanSettings } from '../../scanner';
import { DeviceGone, esclFetch, parseEsclUrl } from './escl-http';
import { parseCapabilities, parseStatus, scanSettingsXml, type EsclCapabilities } from './escl-xml';

const MAX_XML_BYTES = 1024 * 1024;

export interface EsclScannerOptions {
  /** Devices the clerk added (the adapter lists nothing by itself). */
  listDevices: () => Promise<{ id: string; name: string }[]>;
  /** Timeout of small requests (capabilities, status, job creation); default 15 s. */
  requestTimeoutMs?: number;
  /** Timeout of one page (the device scans while we wait); default 180 s. */
  pageTimeoutMs?: number;
  /** Pause before asking again when the device answers 503 (still scanning); default 500 ms. */
  busyRetryMs?: number;
}

/** The base URL in an `escl:` device id. Errors: VALIDATION. */
export function esclBase(deviceId: string): URL {
  const url = deviceId.startsWith('escl:') ? parseEsclUrl(deviceId.slice(5)) : false;
  if (url === false) throw new AppFailure('VALIDATION', 'Địa chỉ máy quét mạng không hợp lệ (chỉ http:// hoặc https://).', { deviceId });
  return url;
}

function under(base: URL, path: string): URL {
  return new URL(`${base.pathname}/${path}`, base);
}

function unreachable(detail: string): AppFailure {
  return new AppFailure('SCANNER_UNAVAILABLE', 'Không kết nối được máy quét mạng: hãy kiểm tra máy đã bật và địa chỉ đúng.', { detail });
}

/** Fetch and parse ScannerCapabilities. Errors: SCANNER_UNAVAILABLE. */
export async function fetchCapabilities(base: URL, signal: AbortSignal, timeoutMs = 15_000): Promise<EsclCapabilities> {
  let res;
  try {
    res = await esclFetch(under(base, 'ScannerCapabilities'), { maxBytes: MAX_XML_BYTES, timeoutMs, signal });
  } catch (cause) {
    if (cause instanceof DeviceGone) throw unreachable(cause.message);
    throw cause;
  }
  if (res.status !== 200) throw unreachable(`ScannerCapabilities answered ${res.status}`);
  return parseCapabilities(res.body.toString('utf8'));
}

/** Build the eSCL adapter. */
export function createEsclScanner(opts: EsclScannerOptions): Scanner {
  const requestTimeoutMs = opts.requestTimeoutMs ?? 15_000;
  const pageTimeoutMs = opts.pageTimeoutMs ?? 180_000;
  const busyRetryMs = opts.busyRetryMs ?? 500;

  const status = async (base: URL, signal?: AbortSignal): Promise<{ state: string; adfState: string } | undefined> => {
    try {
      const res = await esclFetch(under(base, 'ScannerStatus'), { maxBytes: MAX_XML_BYTES, timeoutMs: requestTimeoutMs, ...(signal ? { signal } : {}) });
      return res.status === 200 ? parseStatus(res.body.toString('utf8')) : undefined;
    } catch {
      return undefined;
    }
  };

  /** Only scanners the clerk added are contacted: an id from the renderer never makes main fetch an arbitrary URL. */
  const known = async (deviceId: string): Promise<URL> => {
    const base = esclBase(deviceId);
    if (!(await opts.listDevices()).some((d) => d.id === deviceId)) {
      throw new AppFailure('NOT_FOUND', 'Máy quét mạng này chưa được thêm vào danh sách.', { deviceId });
    }
    return base;
  };

  return {
    kind: 'escl',
    async listDevices() {
      return (await opts.listDevices()).map((d) => ({ ...d, kind: 'escl' as const }));
    },
    async capabilities(deviceId, signal): Promise<ScanCapabilities> {
      const { formats: _formats, makeAndModel: _model, ...caps } = await fetchCapabilities(await known(deviceId), signal, requestTimeoutMs);
      return caps;
    },
    async scan(deviceId, settings, run): Promise<ScanOutcome> {
      const base = await known(deviceId);
      const caps = await fetchCapabilities(base, run.signal, requestTimeoutMs);
      const job = jobSettings(caps, settings);
      const before = await status(base, run.signal);
      if (before === undefined) throw unreachable('ScannerStatus did not answer');
      if (settings.source !== 'flatbed' && before.adfState === 'ScannerAdfEmpty') return { pages: [] };
      if (before.state !== '' && before.state !== 'Idle') return { pages: [], interruption: { reason: 'device-busy', detail: before.state } };

      let created;
      try {
        created = await esclFetch(under(base, 'ScanJobs'), { method: 'POST', body: scanSettingsXml(job), maxBytes: MAX_XML_BYTES, timeoutMs: requestTimeoutMs, signal: run.signal });
      } catch (cause) {
        if (cause instanceof DeviceGone) throw unreachable(cause.message);
        throw cause;
      }
      if (created.status === 409 || created.status === 503) return { pages: [], interruption: { reason: 'device-busy', detail: `ScanJobs ${created.status}` } };
      const location = created.headers.get('location');
      const jobUrl = location === null ? undefined : safeJobUrl(base, location);
      if (created.status !== 201 || jobUrl === undefined) throw unreachable(`ScanJobs answered ${created.status} without a usable Location`);

      const pages: ScannedPage[] = [];
      const stop = async (reason: InterruptionReason, detail: string): Promise<ScanOutcome> => {
        // Best effort: free the device; the pages we have are kept whatever it answers.
        await esclFetch(jobUrl, { method: 'DELETE', maxBytes: MAX_XML_BYTES, timeoutMs: 5_000 }).catch(() => undefined);
        return { pages, interruption: { reason, detail } };
      };
      const limit = settings.source === 'flatbed' ? 1 : settings.maxPages;
      while (pages.length < limit) {
        if (run.signal.aborted) return stop('cancelled', 'stopped by the clerk');
        let res;
        try {
          res = await esclFetch(new URL(`${jobUrl.pathname}/NextDocument`, jobUrl), { maxBytes: MAX_PAGE_BYTES, timeoutMs: pageTimeoutMs, signal: run.signal });
        } catch (cause) {
          if (cause instanceof AppFailure && cause.code === 'CANCELLED') return stop('cancelled', 'stopped by the clerk');
          if (cause instanceof DeviceGone) return { pages, interruption: { reason: 'device-gone', detail: cause.message } };
          throw cause;
        }
        if (res.status === 503) {
          await pause(busyRetryMs, run.signal);
          continue;
        }
        if (res.status === 404 || res.status === 410) {
          const after = await status(base);
          if (after === undefined) return { pages, interruption: { reason: 'device-gone', detail: 'no status after the last page' } };
          if (after.adfState === 'ScannerAdfJam') return stop('jammed', after.adfState);
          if (after.adfState === 'ScannerAdfDoorOpen' || after.adfState === 'ScannerAdfHatchOpen') return stop('cover-open', after.adfState);
          return { pages };
        }
        if (res.status !== 200) return stop('io-error', `NextDocument answered ${res.status}`);
        const format = isPng(res.body) ? 'png' : 'jpeg';
        const path = join(run.workDir, `page-${String(pages.length + 1).padStart(4, '0')}.${format === 'png' ? 'png' : 'jpg'}`);
        await writeFile(path, res.body, { mode: 0o600 });
        const page: ScannedPage = { path, format };
        pages.push(page);
        run.onPage(page, pages.length);
      }
      // Page limit reached with paper left in the feeder: end the job on the device.
      if (settings.source !== 'flatbed') await esclFetch(jobUrl, { method: 'DELETE', maxBytes: MAX_XML_BYTES, timeoutMs: 5_000 }).catch(() => undefined);
      return { pages };
    },
  };
}

/** A job Location must stay on the device's own origin and under its eSCL root. */
function safeJobUrl(base: URL, location: string): URL | undefined {
  try {
    const url = new URL(location, base);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${base.pathname}/ScanJobs/`) || url.search !== '') return undefined;
    url.pathname = url.pathname.replace(/\/+$/, '');
    return url;
  } catch {
    return undefined;
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** Our settings in eSCL terms, checked against the device. Errors: VALIDATION. */
function jobSettings(caps: EsclCapabilities, s: ScanSettings): Parameters<typeof scanSettingsXml>[0] {
  if (!caps.sources.includes(s.source)) throw new AppFailure('VALIDATION', 'Máy quét không có nguồn giấy đã chọn.', { source: s.source });
  if (!caps.colorModes.includes(s.colorMode)) throw new AppFailure('VALIDATION', 'Máy quét không hỗ trợ chế độ màu đã chọn.', { colorMode: s.colorMode });
  const resolution = caps.resolutions.includes(s.resolution) ? s.resolution : undefined;
  if (resolution === undefined) throw new AppFailure('VALIDATION', 'Máy quét không hỗ trợ độ phân giải đã chọn.', { resolution: s.resolution, offered: caps.resolutions });
  // PNG is lossless and lets a batch be split at blank pages; JPEG is what every eSCL device offers.
  const format = caps.formats.includes('image/png') ? 'image/png' : caps.formats.includes('image/jpeg') ? 'image/jpeg' : undefined;
  if (format === undefined) throw new AppFailure('VALIDATION', 'Máy quét mạng không gửi được ảnh PNG hoặc JPEG.', { formats: caps.formats });
  const size = s.pageSize === 'max' ? { width: caps.maxWidthMm, height: caps.maxHeightMm } : PAGE_SIZES_MM[s.pageSize];
  return {
    source: s.source,
    colorMode: s.colorMode,
    resolution,
    widthMm: Math.min(size.width, caps.maxWidthMm),
    heightMm: Math.min(size.height, caps.maxHeightMm),
    format,
  };
}
