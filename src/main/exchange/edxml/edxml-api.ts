/**
 * The edXML API for the sync engine and the flows (issue 8). Types only; the functions live in:
 *   - `read-package.ts`   `readPackage(source, options): Promise<ReadOutcome>`
 *   - `build-package.ts`  `buildEdoc(input, options): Promise<BuiltPackage>`, `buildStatus(input): BuiltStatus`
 *   - `check-package.ts`  `checkPackageFile(path, options): Promise<PackageCheck>` (the strict validator, also
 *                         behind `npx vanthu edxml check`)
 *   - `read-worker.ts`    `new EdxmlReader({dataDir, limits}).read(path)`: readPackage in a worker thread with heap
 *                         and time bounds (use this from Electron's main thread and the web host)
 *   - `inspect-package.ts` `inspectPackage(path, options)`: readPackage shaped as the sync engine's `inspect` hook
 *   - `src/shared/domain/edxml/dedup-keys.ts` `dedupKeys(header, attachments)` (pure)
 *   - `src/shared/domain/edxml/status-reply.ts` `responseForDocument`, `statusReply` (01, 03, 15 …) and
 *     `rejectionReply` (the 02 for a PackageRejection whose sender is known), all pure, for `buildStatus`
 *
 * Receiving is tolerant (standards.md §1.8): children in any order, elements matched by namespace URI + local
 * name, missing TraceHeader OrganId, attachments zipped or not whatever ContentType says, odd Type values and
 * agency codes, `cid:` on one side only, dates `yyyy/MM/dd` or `yyyy-MM-dd`; every oddity is a `warning`.
 * Sending is strict: the builder runs the validator first and refuses (AppFailure VALIDATION, with the problem
 * list in `details.problems`) to write anything an axis-side validator would reject.
 *
 * Security: the XML parser is saxes, streaming; a DOCTYPE is refused outright, so no DTD is ever read and no
 * entity but the five predefined ones and character references is expanded. Base64 attachment text never
 * reaches the parser: it is decoded incrementally and written straight into the content-addressed store, so a
 * package with a 100 MB attachment parses in bounded memory. All bounds are in `EdxmlLimits`
 * (src/shared/domain/edxml/limits.ts). From Electron's main thread or the web host, read through `EdxmlReader`
 * (a worker thread, architecture.md "Security rules"); `readPackage` itself needs only a path and a blob store.
 */
import type { StoredFile } from '../../../shared/api/contract';
import type { DedupKeys } from '../../../shared/domain/edxml/dedup-keys';
import type { EdxmlLimits } from '../../../shared/domain/edxml/limits';
import type {
  AttachmentSpec,
  Bussiness,
  EdocHeader,
  EdxmlProblem,
  StatusHeader,
  TraceHeader,
} from '../../../shared/domain/edxml/model';
import type { PackageRejection } from '../../../shared/domain/edxml/rejection';
import type { PriorityMapping } from '../../../shared/domain/edxml/priority';
import type { BlobStore } from '../../storage/blob-store';

/** One attachment of a received package, already in the blob store. */
export interface ReceivedAttachment {
  /** ContentId without `cid:`. */
  contentId: string;
  /** AttachmentName (the original file name, NFC); never used as a path. */
  name: string;
  /** ContentType as declared by the Attachment (or the manifest Reference when the Attachment has none). */
  contentType: string;
  description?: string;
  /** SHA-256 of the file as stored: the unzipped entry when the attachment was zipped. */
  sha256: string;
  size: number;
  /** What the bytes are, by signature: `%PDF-` → 'pdf'. */
  sniffed: 'pdf' | 'other';
  /** The relayed bytes were a zip (`PK\x03\x04`), whatever ContentType said; the single entry was stored. */
  zipped: boolean;
  /** The stored blob (mediaType application/pdf when it looks like a PDF, else application/octet-stream). */
  stored: StoredFile;
}

/** A document package read from the axis. */
export interface ReceivedEdoc {
  kind: 'edoc';
  header: EdocHeader;
  traceHeaders: TraceHeader[];
  /** Attributes of TraceHeaderList as relayed (Lạng Sơn style `id`, `version`, `mustUnderstand`, `actor`). */
  traceHeaderListAttributes: Record<string, string>;
  /** Null when the package has no Bussiness block (then it is a new document, type 0). */
  bussiness: Bussiness | null;
  attachments: ReceivedAttachment[];
  dedupKeys: DedupKeys;
  /** Tolerated deviations (unknown agency code form, missing TraceHeader OrganId, zipped attachment …). */
  warnings: EdxmlProblem[];
}

/** A status package read from the axis (header only). */
export interface ReceivedStatus {
  kind: 'status';
  header: StatusHeader;
  warnings: EdxmlProblem[];
}

export type ReadOutcome = ReceivedEdoc | ReceivedStatus | PackageRejection;

export interface ReadPackageOptions {
  /** Where attachments go (streamed, hashed while written, fsync + rename). */
  blobs: BlobStore;
  /** Overrides of DEFAULT_EDXML_LIMITS. */
  limits?: Partial<EdxmlLimits>;
}

/** What `buildEdoc` needs: the header, the hops so far (ours), the business block and the stored files. */
export interface EdocBuildInput {
  header: EdocHeader;
  /** At least one, ours: `{ organId: <our code>, timestamp: <now, Vietnam local> }`. */
  traceHeaders: TraceHeader[];
  /** Type 0 new, 1 revoke, 2 update (with documentId + bussinessDocumentInfo), 3 replace (replacementInfo). */
  bussiness: Bussiness;
  /** Each file by its hash in the blob store; written base64, unzipped. */
  attachments: Array<AttachmentSpec & { sha256: string }>;
}

export interface BuildEdocOptions {
  blobs: BlobStore;
  /** Where the package is written atomically (temp, fsync, rename). */
  outFile: string;
  /** The date the validator takes as today (PromulgationDate must not be in the future). Default: now. */
  now?: Date;
}

/** A package written to disk. */
export interface BuiltPackage {
  path: string;
  size: number;
  sha256: string;
}

/** A status package is small: built in memory. */
export interface BuiltStatus {
  xml: string;
  bytes: Uint8Array;
}

/** Result of the strict check of a package file (what `vanthu edxml check --json` prints per file). */
export interface PackageCheck {
  file: string;
  /** Null when the file is not readable as either kind. */
  kind: 'edoc' | 'status' | null;
  ok: boolean;
  problems: EdxmlProblem[];
}

/** Settings that change how header values map to domain values. */
export interface EdxmlMappingSettings {
  priority?: PriorityMapping;
}
