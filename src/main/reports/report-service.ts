/**
 * Reports: the incoming and outgoing registers printed to PDF and exported to .xlsx (NĐ 30 Phụ lục IV;
 * a register kept in the system must be printed in full and closed, Art. 16.2b and 22.3b). Each report runs as
 * a job (progress, cancellation) and its bytes go to the blob store; the renderer gets the StoredFile back.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredFile } from '../../shared/api/contract';
import { AppFailure } from '../../shared/api/result';
import type { MediaType, RegisterReportRequest } from '../../shared/api/schemas';
import type { JobRunner } from '../jobs/job-runner';
import { renderRegisterPdf, type RegisterFonts } from './register-pdf';
import { assertRowsFitColumns } from './register-rows';
import { renderExchangeStatsXlsx, type ExchangeStatsXlsxInput } from './exchange-stats-xlsx';
import { renderRegisterXlsx } from './register-xlsx';

/** The part of the blob store reports need (storage's port). */
export interface BlobSink {
  put(bytes: Uint8Array, mediaType: MediaType): Promise<StoredFile>;
}

export interface ReportServiceDeps {
  blobs: BlobSink;
  /** The app's assets folder; fonts are read from `<assetsDir>/fonts`. */
  assetsDir: string;
  jobs: JobRunner;
}

export interface ReportService {
  /** Print a register to PDF and store it. Errors: VALIDATION (a row's cells do not match the columns), CANCELLED, INTERNAL. */
  registerPdf(req: RegisterReportRequest): Promise<StoredFile>;
  /** Export a register to .xlsx and store it. Errors: VALIDATION, CANCELLED, INTERNAL. */
  registerXlsx(req: RegisterReportRequest): Promise<StoredFile>;
  /** Export the Art. 16 exchange statistics to .xlsx and store it (small: no job). Errors: INTERNAL. */
  exchangeStatsXlsx(input: ExchangeStatsXlsxInput): Promise<StoredFile>;
}

export const FONT_FILES = { regular: 'LiberationSerif-Regular.ttf', bold: 'LiberationSerif-Bold.ttf' } as const;

/** Reads the two register fonts. Throws AppFailure INTERNAL naming the missing file. */
export async function loadRegisterFonts(assetsDir: string): Promise<RegisterFonts> {
  const read = async (name: string): Promise<Uint8Array> => {
    try {
      return new Uint8Array(await readFile(join(assetsDir, 'fonts', name)));
    } catch (cause) {
      throw new AppFailure('INTERNAL', `Không đọc được phông chữ ${name} trong thư mục assets/fonts.`, {
        cause: cause instanceof Error ? cause.message : String(cause),
      });
    }
  };
  const [regular, bold] = await Promise.all([read(FONT_FILES.regular), read(FONT_FILES.bold)]);
  return { regular, bold };
}

const LABELS = {
  pdf: { incoming: 'In sổ đăng ký văn bản đến', outgoing: 'In sổ đăng ký văn bản đi' },
  xlsx: { incoming: 'Xuất Excel sổ văn bản đến', outgoing: 'Xuất Excel sổ văn bản đi' },
} as const;

/** Builds the report service. Font bytes are read once, on the first PDF, and kept. */
export function createReportService({ blobs, assetsDir, jobs }: ReportServiceDeps): ReportService {
  let fonts: Promise<RegisterFonts> | undefined;
  const getFonts = (): Promise<RegisterFonts> => {
    fonts ??= loadRegisterFonts(assetsDir).catch((cause: unknown) => {
      fonts = undefined; // a font restored later can be read on the next try
      throw cause;
    });
    return fonts;
  };

  return {
    async registerPdf(req) {
      assertRowsFitColumns(req);
      return jobs.run(req.jobId, LABELS.pdf[req.kind], async (ctx) => {
        const bytes = await renderRegisterPdf(req, await getFonts(), ctx);
        // Checked again right before storing, so a cancelled job stores nothing.
        if (ctx.signal.aborted) throw new AppFailure('CANCELLED', 'Công việc đã bị hủy.');
        return blobs.put(bytes, 'application/pdf');
      });
    },

    async registerXlsx(req) {
      assertRowsFitColumns(req);
      return jobs.run(req.jobId, LABELS.xlsx[req.kind], async (ctx) => {
        const bytes = await renderRegisterXlsx(req, ctx);
        if (ctx.signal.aborted) throw new AppFailure('CANCELLED', 'Công việc đã bị hủy.');
        return blobs.put(bytes, 'application/octet-stream');
      });
    },

    async exchangeStatsXlsx(input) {
      return blobs.put(await renderExchangeStatsXlsx(input), 'application/octet-stream');
    },
  };
}
