/**
 * Scanning from the loopback eSCL test device (test/support/escl) through the real eSCL adapter, job runner and blob
 * store: a multi-page feeder stack, an empty feeder, a jam and an open door after some pages, a scanner that
 * disappears mid-page, a damaged page, cancel, and a stack split at a blank page and at the printed separator sheet
 * (Art. 9.1: received paper documents are scanned; nothing scanned is lost).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../../src/main/jobs/job-runner';
import { createEsclRegistry } from '../../../src/main/scan/devices/escl/escl-registry';
import { createEsclScanner } from '../../../src/main/scan/devices/escl/escl-scanner';
import { createRecentScans } from '../../../src/main/scan/recent-scans';
import { createScanService, type ScanService } from '../../../src/main/scan/scan-service';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import type { JobProgress } from '../../../src/shared/api/events';
import { AppFailure } from '../../../src/shared/api/result';
import type { ScanResult } from '../../../src/shared/api/scan-schemas';
import { startEsclTestDevice, type EsclFaults, type EsclTestDevice, type TestPage } from '../../support/escl/escl-test-device';
import { blankPage, documentPage, separatorPage } from '../../support/escl/page-images';

const run = promisify(execFile);
const quiet = { warn: () => undefined, error: () => undefined };
const ADF = { resolution: 100, colorMode: 'color', source: 'adf', pageSize: 'a5', maxPages: 50 } as const;

let imageDir: string;
let jpegs: TestPage[];
let pngs: TestPage[];
let blank: TestPage;
let separator: TestPage;
let dataDir: string;
let tempDir: string;
let blobs: BlobStore;
let events: JobProgress[];
let device: EsclTestDevice | undefined;

beforeAll(async () => {
  imageDir = await mkdtemp(join(tmpdir(), 'vts-escl-img-'));
  jpegs = await Promise.all([1, 2, 3, 4].map((n) => documentPage(imageDir, n, 'jpeg')));
  pngs = await Promise.all([1, 2, 3].map((n) => documentPage(imageDir, n, 'png')));
  blank = await blankPage(imageDir, 1);
  separator = await separatorPage(imageDir, 1);
});
afterAll(async () => {
  await rm(imageDir, { recursive: true, force: true });
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vts-escl-data-'));
  tempDir = await mkdtemp(join(tmpdir(), 'vts-escl-tmp-'));
  blobs = createBlobStore({ dataDir, log: quiet });
  events = [];
  return async () => {
    await device?.close();
    device = undefined;
    await rm(dataDir, { recursive: true, force: true });
    await rm(tempDir, { recursive: true, force: true });
  };
});

async function setUp(pages: TestPage[], faults: EsclFaults = {}, formats?: string[]): Promise<{ scans: ScanService; jobs: ReturnType<typeof createJobRunner>; id: string }> {
  device = await startEsclTestDevice({ pages, faults, ...(formats ? { formats } : {}) });
  const registry = createEsclRegistry({ dataDir, log: quiet });
  const jobs = createJobRunner((_e, p) => events.push(p), { maxEventsPerSecond: 1000 });
  const scans = createScanService({ blobs, jobs, adapters: [createEsclScanner({ listDevices: () => registry.list(), busyRetryMs: 50 })], network: registry, recent: createRecentScans({ dataDir, log: quiet }), log: quiet, tempDir });
  const added = await scans.addNetwork(device.url);
  return { scans, jobs, id: added.id };
}

async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (cause) {
    if (cause instanceof AppFailure) return cause;
    throw cause;
  }
  throw new Error('expected an AppFailure');
}

async function pdfPages(result: ScanResult, index = 0): Promise<{ pages: number; path: string }> {
  const doc = result.documents[index];
  if (doc === undefined) throw new Error(`no document ${index}`);
  const path = join(tempDir, `doc-${index}.pdf`);
  await writeFile(path, (await blobs.get(doc.file.sha256)).bytes);
  await run('qpdf', ['--check', path]);
  const info = (await run('pdfinfo', [path])).stdout;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), path };
}

function partialOf(failure: AppFailure): ScanResult {
  return failure.details?.['partial'] as ScanResult;
}

describe('eSCL test device', () => {
  it('is added by address, listed, and tells its options', async () => {
    const { scans, id } = await setUp(jpegs);
    expect(id).toBe(`escl:${device?.url}`);
    expect(await scans.devices()).toEqual([{ id, name: 'Loopback eSCL Scanner', kind: 'escl' }]);
    expect(await scans.capabilities(id)).toEqual({ resolutions: [75, 100, 150, 300], colorModes: ['color', 'gray', 'lineart'], sources: ['flatbed', 'adf', 'duplex'], maxWidthMm: 216, maxHeightMm: 297 });
    await expect(scans.removeNetwork(id)).resolves.toEqual({ removed: true });
    expect(await scans.devices()).toEqual([]);
    // Once removed (or never added), an escl: id from the renderer is not contacted.
    expect((await failureOf(scans.capabilities(id))).code).toBe('NOT_FOUND');
    expect((await failureOf(scans.start({ deviceId: 'escl:http://127.0.0.1:9/eSCL', settings: ADF, split: 'none' }))).code).toBe('NOT_FOUND');
  });

  it('refuses addresses that are not http/https or carry credentials', async () => {
    const { scans } = await setUp(jpegs);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://10.0.0.1/eSCL', 'http://user:pw@10.0.0.1/eSCL', 'http://10.0.0.1/eSCL?x=1', 'not a url']) {
      expect((await failureOf(scans.addNetwork(url))).code).toBe('VALIDATION');
    }
    // A web server that is not a scanner.
    expect((await failureOf(scans.addNetwork(device?.url.replace('/eSCL', '/other') ?? '')))).toMatchObject({ code: 'SCANNER_UNAVAILABLE' });
  });

  it('scans a four-page JPEG feeder stack into one four-page PDF, JPEG bytes unchanged, with progress per page', async () => {
    const { scans, id } = await setUp(jpegs, {}, ['image/jpeg']);
    const result = await scans.start({ jobId: 'escl-batch-01', deviceId: id, settings: ADF, split: 'none' });
    expect(result).toMatchObject({ pagesScanned: 4, separatorPages: [], corruptPages: [] });
    const { pages, path } = await pdfPages(result);
    expect(pages).toBe(4);
    // pdfimages -j writes DCT images as they are stored: the first must be the device's first JPEG, byte for byte.
    await run('pdfimages', ['-j', '-f', '1', '-l', '1', path, join(tempDir, 'img')]);
    const { readFile } = await import('node:fs/promises');
    expect((await readFile(join(tempDir, 'img-000.jpg'))).equals(jpegs[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(device?.jobsPosted[0]).toMatch(/<pwg:InputSource>Feeder<\/pwg:InputSource>.*<scan:ColorMode>RGB24<\/scan:ColorMode>.*<scan:XResolution>100</s);
    expect(events.filter((e) => e.jobId === 'escl-batch-01').map((e) => e.done)).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: 4 });
  });

  it('an empty feeder gives FEEDER_EMPTY', async () => {
    const { scans, id } = await setUp([]);
    expect((await failureOf(scans.start({ deviceId: id, settings: ADF, split: 'none' }))).code).toBe('FEEDER_EMPTY');
  });

  it('a jam after two pages gives SCANNER_JAMMED and keeps both pages as a PDF', async () => {
    const { scans, id } = await setUp(jpegs, { jamAfter: 2 });
    const failure = await failureOf(scans.start({ deviceId: id, settings: ADF, split: 'none' }));
    expect(failure.code).toBe('SCANNER_JAMMED');
    expect(failure.message).toMatch(/kẹt giấy; các trang đã quét được giữ lại/);
    expect(partialOf(failure).pagesScanned).toBe(2);
    expect((await pdfPages(partialOf(failure))).pages).toBe(2);
    // The kept document is recorded at once, so it is listed until it is registered (also after a reload).
    expect(await scans.recent()).toEqual([
      { sha256: partialOf(failure).documents[0]?.file.sha256, size: partialOf(failure).documents[0]?.file.size, pageCount: 2, scannedAt: expect.any(String), device: expect.stringContaining('escl:') },
    ]);
  });

  it('an opened door after one page gives SCANNER_COVER_OPEN and keeps the page', async () => {
    const { scans, id } = await setUp(jpegs, { doorOpenAfter: 1 });
    const failure = await failureOf(scans.start({ deviceId: id, settings: ADF, split: 'none' }));
    expect(failure.code).toBe('SCANNER_COVER_OPEN');
    expect((await pdfPages(partialOf(failure))).pages).toBe(1);
  });

  it('a scanner that disappears in the middle of page 3 gives SCANNER_UNAVAILABLE and keeps pages 1–2', async () => {
    const { scans, id } = await setUp(jpegs, { disappearDuring: 3 });
    const failure = await failureOf(scans.start({ deviceId: id, settings: ADF, split: 'none' }));
    expect(failure.code).toBe('SCANNER_UNAVAILABLE');
    expect(failure.message).toMatch(/Mất kết nối với máy quét giữa chừng/);
    expect(partialOf(failure)).toMatchObject({ pagesScanned: 2 });
    expect((await pdfPages(partialOf(failure))).pages).toBe(2);
  });

  it('a damaged page gives SCAN_IMAGE_CORRUPT naming it, and the good pages are kept', async () => {
    const { scans, id } = await setUp(jpegs, { corrupt: [2] }, ['image/jpeg']);
    const failure = await failureOf(scans.start({ deviceId: id, settings: ADF, split: 'none' }));
    expect(failure.code).toBe('SCAN_IMAGE_CORRUPT');
    expect(failure.message).toMatch(/Trang 2 bị hỏng/);
    expect(partialOf(failure)).toMatchObject({ pagesScanned: 4, corruptPages: [2] });
    expect(partialOf(failure).documents[0]?.sourcePages).toEqual([1, 3, 4]);
    expect((await pdfPages(partialOf(failure))).pages).toBe(3);
  });

  it('cancel while the device scans deletes the job and keeps the pages received', async () => {
    const { scans, jobs, id } = await setUp(jpegs, { holdAfter: 2 });
    const started = scans.start({ jobId: 'escl-cancel-01', deviceId: id, settings: ADF, split: 'none' });
    const deadline = Date.now() + 60_000;
    while (!events.some((e) => e.jobId === 'escl-cancel-01' && e.done >= 2)) {
      if (Date.now() > deadline) throw new Error('timed out waiting for page 2');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(jobs.cancel('escl-cancel-01')).toBe(true);
    const failure = await failureOf(started);
    expect(failure.code).toBe('CANCELLED');
    expect((await pdfPages(partialOf(failure))).pages).toBe(2);
    expect(device?.jobsDeleted).toEqual(['job-1']);
  });

  it('splits a PNG stack at a blank page into two documents, each its own PDF', async () => {
    const [p1, p2, p3] = pngs as [TestPage, TestPage, TestPage];
    const { scans, id } = await setUp([p1, p2, blank, p3]);
    const result = await scans.start({ deviceId: id, settings: ADF, split: 'blank-page' });
    expect(result.separatorPages).toEqual([3]);
    expect(result.documents.map((d) => d.sourcePages)).toEqual([[1, 2], [4]]);
    expect((await pdfPages(result, 0)).pages).toBe(2);
    expect((await pdfPages(result, 1)).pages).toBe(1);
    // PNG pages are embedded without re-encoding: pdfimages lists them as Flate RGB images at the scan resolution.
    const list = (await run('pdfimages', ['-list', (await pdfPages(result, 0)).path])).stdout;
    expect(list).toMatch(/image\s+583\s+827\s+rgb\s+3\s+8\s+image\s+no\s+\d+\s+0\s+100\s+100/);
    // Lossless: the pixels poppler's pdfimages takes out of the PDF equal the device's page (red seal included).
    await run('pdfimages', ['-png', '-f', '1', '-l', '1', (await pdfPages(result, 0)).path, join(tempDir, 'lossless')]);
    await writeFile(join(tempDir, 'source.png'), pngs[0]?.bytes ?? Buffer.alloc(0));
    const compared = await run('compare', ['-metric', 'AE', join(tempDir, 'lossless-000.png'), join(tempDir, 'source.png'), 'null:']).catch((e: { stderr: string }) => e);
    expect(compared.stderr.trim()).toBe('0');
  });

  it('splits at the printed separator sheet; a blank page then stays inside its document', async () => {
    const [p1, p2, p3] = pngs as [TestPage, TestPage, TestPage];
    const { scans, id } = await setUp([p1, blank, separator, p2, p3, separator]);
    const result = await scans.start({ deviceId: id, settings: ADF, split: 'separator-sheet' });
    expect(result.separatorPages).toEqual([3, 6]);
    expect(result.documents.map((d) => d.sourcePages)).toEqual([[1, 2], [4, 5]]);
  });
});
