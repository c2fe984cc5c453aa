/**
 * What the exchange flows need from the rest of main, injected by host/compose.ts (so tests run them over a real
 * engine, a real reader and a real verifier without the whole host).
 */
import type { VerdictValue } from '../../../shared/api/signing-schemas';
import type { Organization } from '../../../shared/domain/edxml/model';
import type { BlobStore } from '../../storage/blob-store';
import type { ReadOutcome } from '../edxml/edxml-api';
import type { AgencyDirectory } from '../sync/agency-directory';
import type { SyncEngine } from '../sync/sync-engine';
import type { FlowRecords } from './flow-records';

/** The verifier's answer for one stored PDF (SigningService.verify with recordReceipt, or the worker pool). */
export interface PdfVerdict {
  /** 'valid-with-allowed-changes' counts as valid (later signatures, the number and date filled in). */
  verdict: VerdictValue;
  reasons: string[];
}

export interface FlowDeps {
  /** The engine (built after the hooks, so a getter). */
  engine(): SyncEngine;
  blobs: BlobStore;
  records: FlowRecords;
  /** Read a spooled package (EdxmlReader in a worker, attachments into the blob store). */
  read(path: string): Promise<ReadOutcome>;
  /** Verify one stored PDF in main (Art. 9.2: every signature checked before the document is accepted). */
  verify(sha256: string): Promise<PdfVerdict>;
  /** Our agency as written in what we send (settings.unitCode, unitName). */
  us(): Promise<Organization>;
  /** The cached agency directory (names of receivers, retired/replaced warnings). */
  directory?(): AgencyDirectory;
  /** Where packages are built before they are spooled. */
  buildDir: string;
  now?: () => Date;
  log?: Pick<Console, 'warn' | 'error'>;
}
