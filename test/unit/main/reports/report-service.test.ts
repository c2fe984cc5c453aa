import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../../../../src/main/jobs/job-runner';
import { createReportService, type BlobSink } from '../../../../src/main/reports/report-service';
import type { StoredFile } from '../../../../src/shared/api/contract';
import type { JobProgress } from '../../../../src/shared/api/events';
import type { MediaType, RegisterReportRequest } from '../../../../src/shared/api/schemas';

const ASSETS = resolve(__dirname, '../../../../assets');

/** A tiny in-memory blob store: what was put, in order. */
function memoryBlobs(): BlobSink & { items: { bytes: Uint8Array; mediaType: MediaType }[] } {
  const items: { bytes: Uint8Array; mediaType: MediaType }[] = [];
  return {
    items,
    async put(bytes, mediaType): Promise<StoredFile> {
      items.push({ bytes, mediaType });
      return { sha256: String(items.length).padStart(64, '0'), size: bytes.length, mediaType };
    },
  };
}

/** The real runner, with a hook that cancels the job once it has reported `afterRows` rows. */
function cancellingRunner(afterRows: number, events: JobProgress[]): JobRunner {
  const inner = createJobRunner((_e, p) => events.push(p));
  return {
    cancel: (id) => inner.cancel(id),
    run: (jobId, label, work) =>
      inner.run(jobId, label, (ctx) =>
        work({
          signal: ctx.signal,
          progress(done, total) {
            ctx.progress(done, total);
            if (done >= afterRows && jobId !== undefined) inner.cancel(jobId);
          },
        }),
      ),
  };
}

const cells = (i: number): string[] => ['2026-01-02', String(i), 'Sở Tài chính', `${i}/STC`, '2026-01-01', 'Công văn về việc ngân sách', 'Văn phòng', '', '', ''];
const request = (n: number, extra: Partial<RegisterReportRequest> = {}): RegisterReportRequest => ({
  kind: 'incoming',
  year: 2026,
  unitName: 'UBND huyện',
  filterNote: '',
  rows: Array.from({ length: n }, (_, i) => ({ cells: cells(i + 1), cancelled: false })),
  ...extra,
});
const ascii = (bytes: Uint8Array, n: number): string => Buffer.from(bytes.subarray(0, n)).toString('latin1');

describe('createReportService', () => {
  let events: JobProgress[];
  beforeEach(() => {
    events = [];
  });

  it('stores the PDF as application/pdf inside a job that finishes', async () => {
    const blobs = memoryBlobs();
    const jobs = createJobRunner((_e, p) => events.push(p));
    const stored = await createReportService({ blobs, assetsDir: ASSETS, jobs }).registerPdf(request(3, { jobId: 'job-pdf-0001' }));
    expect(blobs.items).toHaveLength(1);
    expect(blobs.items[0]?.mediaType).toBe('application/pdf');
    expect(ascii(blobs.items[0]!.bytes, 5)).toBe('%PDF-');
    expect(stored.size).toBe(blobs.items[0]?.bytes.length);
    expect(events[0]).toMatchObject({ jobId: 'job-pdf-0001', label: 'In sổ đăng ký văn bản đến', state: 'running' });
    expect(events.at(-1)).toMatchObject({ jobId: 'job-pdf-0001', state: 'finished', done: 3, total: 3 });
  });

  it('stores the workbook as application/octet-stream (a zip)', async () => {
    const blobs = memoryBlobs();
    const jobs = createJobRunner((_e, p) => events.push(p));
    await createReportService({ blobs, assetsDir: ASSETS, jobs }).registerXlsx(request(2, { kind: 'outgoing', jobId: 'job-xls-0001' }));
    expect(blobs.items[0]?.mediaType).toBe('application/octet-stream');
    expect(ascii(blobs.items[0]!.bytes, 2)).toBe('PK');
    expect(events.at(-1)).toMatchObject({ label: 'Xuất Excel sổ văn bản đi', state: 'finished' });
  });

  it('refuses rows that do not match the columns with VALIDATION, before any job starts, storing nothing', async () => {
    const blobs = memoryBlobs();
    const service = createReportService({ blobs, assetsDir: ASSETS, jobs: createJobRunner((_e, p) => events.push(p)) });
    const bad = { ...request(1), rows: [{ cells: ['chỉ một cột'], cancelled: false }] };
    await expect(service.registerPdf(bad)).rejects.toMatchObject({ code: 'VALIDATION', message: 'Dòng 1 có 1 cột, sổ này cần đúng 10 cột.' });
    await expect(service.registerXlsx(bad)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(blobs.items).toHaveLength(0);
    expect(events).toHaveLength(0);
  });

  it.each(['registerPdf', 'registerXlsx'] as const)('%s cancelled mid-way rejects with CANCELLED and stores nothing', async (method) => {
    const blobs = memoryBlobs();
    const jobs = cancellingRunner(1000, events);
    const service = createReportService({ blobs, assetsDir: ASSETS, jobs });
    await expect(service[method](request(5000, { jobId: 'job-cancel-0001' }))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(blobs.items).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ state: 'cancelled' });
    expect(events.at(-1)!.done).toBeLessThan(5000);
  });

  describe('fonts', () => {
    let assetsDir: string;
    beforeEach(async () => {
      assetsDir = await mkdtemp(join(tmpdir(), 'vts-assets-'));
    });
    afterEach(async () => {
      await rm(assetsDir, { recursive: true, force: true });
    });

    it('answers INTERNAL naming the missing font, then works once the font is there', async () => {
      const blobs = memoryBlobs();
      const service = createReportService({ blobs, assetsDir, jobs: createJobRunner(() => undefined) });
      await expect(service.registerPdf(request(1))).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining('LiberationSerif-'),
      });
      expect(blobs.items).toHaveLength(0);
      await cp(join(ASSETS, 'fonts'), join(assetsDir, 'fonts'), { recursive: true });
      await expect(service.registerPdf(request(1))).resolves.toMatchObject({ mediaType: 'application/pdf' });
    });

    it('reads the font files once per service', async () => {
      await cp(join(ASSETS, 'fonts'), join(assetsDir, 'fonts'), { recursive: true });
      const blobs = memoryBlobs();
      const service = createReportService({ blobs, assetsDir, jobs: createJobRunner(() => undefined) });
      await service.registerPdf(request(1));
      await rm(join(assetsDir, 'fonts'), { recursive: true });
      // The bytes were kept: a second register still prints.
      await expect(service.registerPdf(request(2))).resolves.toMatchObject({ mediaType: 'application/pdf' });
      expect(blobs.items).toHaveLength(2);
    });
  });
});
