/**
 * `scan.extract` on the host (issue 9): a stored PDF, named by its hash, read as a job (progress per page through
 * `job.progress`, cancellable through `jobs.cancel`). The OCR text goes into the blob store as its own text blob
 * beside the original; the scanned PDF is never rewritten.
 */
import type { ScanExtractOutcome, ScanExtractRequest } from '../../../shared/api/ocr-schemas';
import type { JobRunner } from '../../jobs/job-runner';
import type { BlobStore } from '../../storage/blob-store';
import type { DirectoryAgency } from './agency-directory';
import { extractFromPdf } from './extract-from-pdf';

export interface ExtractService {
  /**
   * Extract the register fields of the stored PDF `hash`. Errors: VALIDATION, NOT_FOUND, INTEGRITY (blob store),
   * EMPTY_FILE (no text on any page), TOO_LARGE, NOT_PDF, SCAN_IMAGE_CORRUPT, INTERNAL (tesseract or poppler
   * missing: details.missing), CANCELLED, CONFLICT (job id in use).
   */
  extract(req: ScanExtractRequest): Promise<ScanExtractOutcome>;
}

export interface ExtractServiceOptions {
  blobs: BlobStore;
  jobs: JobRunner;
  /** Agencies known from the axis, for the identifier-code match (default: only the built-in entry). */
  agencies?: () => readonly DirectoryAgency[];
}

/** Builds the service. */
export function createExtractService(opts: ExtractServiceOptions): ExtractService {
  return {
    async extract(req) {
      const blob = await opts.blobs.get(req.hash);
      return opts.jobs.run(req.jobId, 'Nhận dạng chữ và điền thông tin', async (ctx) => {
        const result = await extractFromPdf(new Uint8Array(blob.bytes), {
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(done, total),
          agencies: opts.agencies?.() ?? [],
        });
        const stored = await opts.blobs.put(new TextEncoder().encode(result.text), 'text/plain');
        return { ...result, textHash: stored.sha256 };
      });
    },
  };
}
