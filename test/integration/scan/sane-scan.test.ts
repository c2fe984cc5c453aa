/**
 * Scanning through the real SANE `test` backend (scanimage, environment.md §5) into PDFs in the real blob store:
 * a multi-page feeder batch checked with pdfinfo and qpdf --check, cancel in the middle of a slow scan, a jam and
 * an empty feeder (Art. 9.1: the paper document received is scanned; nothing scanned may be lost).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../../src/main/jobs/job-runner';
import { createSaneScanner } from '../../../src/main/scan/devices/sane-scanner';
import { createScanService, type ScanService } from '../../../src/main/scan/scan-service';
import { createBlobStore, type BlobStore } from '../../../src/main/storage/blob-store';
import type { JobProgress } from '../../../src/shared/api/events';
import { AppFailure } from '../../../src/shared/api/result';
import type { ScanResult } from '../../../src/shared/api/scan-schemas';
import { createSaneTestEnv, type SaneTestEnv } from '../../support/sane/sane-env';

const run = promisify(execFile);
const quiet = { warn: () => undefined, error: () => undefined };

let sane: SaneTestEnv;
let dataDir: string;
let tempDir: string;
let blobs: BlobStore;
let events: JobProgress[];

beforeAll(async () => {
  sane = await createSaneTestEnv();
});
afterAll(async () => {
  await sane.dispose();
});
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vts-scan-data-'));
  tempDir = await mkdtemp(join(tmpdir(), 'vts-scan-tmp-'));
  blobs = createBlobStore({ dataDir, log: quiet });
  events = [];
  return async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(tempDir, { recursive: true, force: true });
  };
});

function service(extraScanArgs: string[] = [], maxPdfBytes?: number): { scans: ScanService; jobs: ReturnType<typeof createJobRunner> } {
  const jobs = createJobRunner((_e, p) => events.push(p), { maxEventsPerSecond: 1000 });
  const sane0 = createSaneScanner({ env: sane.env, extraScanArgs });
  return { jobs, scans: createScanService({ blobs, jobs, adapters: [sane0], log: quiet, tempDir, ...(maxPdfBytes === undefined ? {} : { maxPdfBytes }) }) };
}

const ADF = { resolution: 100, colorMode: 'color', source: 'adf', pageSize: 'a4', maxPages: 3 } as const;

async function pdfFile(result: ScanResult, index = 0): Promise<string> {
  const doc = result.documents[index];
  if (doc === undefined) throw new Error('no document');
  const path = join(tempDir, `doc-${index}.pdf`);
  await writeFile(path, (await blobs.get(doc.file.sha256)).bytes);
  return path;
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

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('SANE test backend', () => {
  it('lists the test devices and their options', async () => {
    const { scans } = service();
    const devices = await scans.devices();
    expect(devices.map((d) => d.id)).toEqual(expect.arrayContaining(['sane:test:0', 'sane:test:1']));
    const caps = await scans.capabilities('sane:test:0');
    expect(caps.sources).toEqual(['flatbed', 'adf']);
    expect(caps.colorModes).toEqual(['color', 'gray', 'lineart']);
    expect(caps.resolutions).toEqual(expect.arrayContaining([100, 150, 300, 600]));
    expect(caps).toMatchObject({ maxWidthMm: 200, maxHeightMm: 200 });
  });

  it('scans a three-page feeder batch into one three-page PDF that qpdf accepts, with progress per page', async () => {
    const { scans } = service(['--test-picture=Color pattern']);
    const result = await scans.start({ jobId: 'scan-batch-01', deviceId: 'sane:test:0', settings: ADF, split: 'none' });
    expect(result.pagesScanned).toBe(3);
    expect(result.documents).toHaveLength(1);
    expect(result.documents[0]).toMatchObject({ pageCount: 3, sourcePages: [1, 2, 3] });
    const path = await pdfFile(result);
    const info = (await run('pdfinfo', [path])).stdout;
    expect(info).toMatch(/Pages:\s+3/);
    // 200 × 200 mm (the test backend's whole area, A4 clamped) = 566.9 pt; 787 pixels at 100 dpi give 566.6 pt.
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Number(size?.[1])).toBeCloseTo(566.9, -0.5);
    expect(Number(size?.[2])).toBeCloseTo(566.9, -0.5);
    await run('qpdf', ['--check', path]);
    // The colour pages are embedded as scanned: pdfimages reports RGB images at 100 dpi.
    const images = (await run('pdfimages', ['-list', path])).stdout;
    expect(images.match(/ rgb /g)).toHaveLength(3);
    expect(images).toMatch(/\s100\s+100\s/);
    const progress = events.filter((e) => e.jobId === 'scan-batch-01');
    expect(progress.map((e) => e.done)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(progress.at(-1)).toMatchObject({ state: 'finished', done: 3 });
    // Nothing stays in the private work directory.
    expect(await readdir(tempDir)).toEqual(['doc-0.pdf']);
  });

  it('a stack whose PDF would pass the store bound is stored in consecutive parts, no page dropped', async () => {
    // One 100 dpi colour page is about 100 KB: with a 150 KB bound, four pages become four one-page documents.
    const { scans } = service(['--test-picture=Color pattern'], 150_000);
    const result = await scans.start({ deviceId: 'sane:test:0', settings: { ...ADF, maxPages: 4 }, split: 'none' });
    expect(result.documents.map((d) => d.sourcePages)).toEqual([[1], [2], [3], [4]]);
    for (const [i] of result.documents.entries()) expect((await run('pdfinfo', [await pdfFile(result, i)])).stdout).toMatch(/Pages:\s+1\b/);
  });

  it('scans grey and lineart pages from the flatbed', async () => {
    const { scans } = service(['--test-picture=Grid']);
    const grey = await scans.start({ deviceId: 'sane:test:0', settings: { ...ADF, source: 'flatbed', colorMode: 'gray' }, split: 'none' });
    const line = await scans.start({ deviceId: 'sane:test:0', settings: { ...ADF, source: 'flatbed', colorMode: 'lineart' }, split: 'none' });
    const greyImages = (await run('pdfimages', ['-list', await pdfFile(grey)])).stdout;
    expect(greyImages).toMatch(/ gray\s+1\s+8 /);
    const lineImages = (await run('pdfimages', ['-list', await pdfFile(line)])).stdout;
    expect(lineImages).toMatch(/ gray\s+1\s+1 /);
  });

  it('cancel during a slow scan stops scanimage and keeps the pages already scanned', async () => {
    const { scans, jobs } = service(['--read-delay=yes', '--read-delay-duration=20000']);
    const started = scans.start({ jobId: 'scan-cancel-01', deviceId: 'sane:test:0', settings: { ...ADF, maxPages: 50 }, split: 'none' });
    await waitFor(() => events.some((e) => e.jobId === 'scan-cancel-01' && e.done >= 1), 'the first page');
    expect(jobs.cancel('scan-cancel-01')).toBe(true);
    const failure = await failureOf(started);
    expect(failure.code).toBe('CANCELLED');
    const partial = failure.details?.['partial'] as ScanResult;
    expect(partial.pagesScanned).toBeGreaterThanOrEqual(1);
    expect(partial.pagesScanned).toBeLessThan(50);
    expect(partial.documents[0]?.pageCount).toBe(partial.pagesScanned);
    expect((await run('pdfinfo', [await pdfFile(partial)])).stdout).toMatch(new RegExp(`Pages:\\s+${partial.pagesScanned}\\b`));
    expect(events.at(-1)).toMatchObject({ jobId: 'scan-cancel-01', state: 'cancelled' });
  });

  it('a paper jam gives SCANNER_JAMMED in Vietnamese', async () => {
    const { scans } = service(['--read-return-value=SANE_STATUS_JAMMED']);
    const failure = await failureOf(scans.start({ deviceId: 'sane:test:0', settings: ADF, split: 'none' }));
    expect(failure.code).toBe('SCANNER_JAMMED');
    expect(failure.message).toMatch(/kẹt giấy/);
    expect(failure.details).toMatchObject({ reason: 'jammed' });
  });

  it('an open cover gives SCANNER_COVER_OPEN', async () => {
    const { scans } = service(['--read-return-value=SANE_STATUS_COVER_OPEN']);
    const failure = await failureOf(scans.start({ deviceId: 'sane:test:0', settings: ADF, split: 'none' }));
    expect(failure.code).toBe('SCANNER_COVER_OPEN');
  });

  it('an empty feeder (0 pages) gives FEEDER_EMPTY and stores nothing', async () => {
    const { scans } = service(['--read-return-value=SANE_STATUS_NO_DOCS']);
    const failure = await failureOf(scans.start({ jobId: 'scan-empty-01', deviceId: 'sane:test:0', settings: ADF, split: 'none' }));
    expect(failure.code).toBe('FEEDER_EMPTY');
    expect(failure.message).toMatch(/Không quét được trang nào/);
    expect(events.at(-1)).toMatchObject({ jobId: 'scan-empty-01', state: 'failed' });
  });

  it('refuses a device that is not in the list, and one whose name could be an option', async () => {
    const { scans } = service();
    expect((await failureOf(scans.start({ deviceId: 'sane:test:9', settings: ADF, split: 'none' }))).code).toBe('SCANNER_UNAVAILABLE');
    expect((await failureOf(scans.start({ deviceId: 'sane:--help', settings: ADF, split: 'none' }))).code).toBe('VALIDATION');
    expect((await failureOf(scans.capabilities('sane:test:0;rm -rf /'))).code).toBe('VALIDATION');
  });
});
