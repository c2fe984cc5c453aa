/**
 * Requests and answers of the signing, verification and token channels (issue 3). Requests are parsed with
 * these in main before any handler runs (house rule 5). The PIN crosses once, inside a signing request, and is
 * never echoed back (house rule 11).
 */
import { z } from 'zod';
import { IsoDate, JobId, Sha256Hex } from './schemas';
import type { StoredFile } from './contract';

const Pin = z.string().min(4).max(64);
const Label = z.string().trim().min(1).max(64);

/** Which key signs: the token by label and the key by CKA_ID (hex). */
export const KeyChoice = z.object({ tokenLabel: Label, keyId: z.string().regex(/^[0-9a-fA-F]{1,64}$/) }).strict();
export type KeyChoice = z.infer<typeof KeyChoice>;

export const TokenRef = z.object({ tokenLabel: Label }).strict();

/** Art. 11 step 2: personal approval signature; number/date fields are prepared when missing. */
export const SignPersonalRequest = z.object({ file: Sha256Hex, key: KeyChoice, pin: Pin, signatureImage: Sha256Hex.optional() }).strict();
export type SignPersonalRequest = z.infer<typeof SignPersonalRequest>;

/**
 * Ký duyệt nhiều văn bản (Art. 11.1b, issue 3 "batch"): several drafts signed personally with ONE PIN entry, as a
 * job (`job.progress`, `jobs.cancel`). The same draft twice is refused: it would be signed twice.
 */
export const SignPersonalBatchRequest = z
  .object({ files: z.array(Sha256Hex).min(1).max(100), key: KeyChoice, pin: Pin, signatureImage: Sha256Hex.optional(), jobId: JobId.optional() })
  .strict()
  .refine((r) => new Set(r.files).size === r.files.length, { message: 'Một văn bản được chọn hai lần', path: ['files'] });
export type SignPersonalBatchRequest = z.infer<typeof SignPersonalBatchRequest>;

/** A rectangle on a page (page index from 0; PDF points from the bottom-left corner). */
export const PagePlacement = z
  .object({
    page: z.number().int().min(0).max(9_999),
    x: z.number().min(0).max(14_400),
    y: z.number().min(0).max(14_400),
    width: z.number().min(20).max(2_000),
    height: z.number().min(8).max(500),
  })
  .strict();

/**
 * Art. 11 step 1 (Chuẩn bị): add the empty number and date fields before anyone signs, where the clerk dragged
 * them, or auto-placed at the "Số:" and date lines when a placement is missing.
 */
export const PrepareRequest = z
  .object({ file: Sha256Hex, placement: z.object({ number: PagePlacement.optional(), date: PagePlacement.optional() }).strict().optional() })
  .strict();
export type PrepareRequest = z.infer<typeof PrepareRequest>;

/** Art. 11 step 3: the clerk's number and date (the number comes from the outgoing register entry). */
export const FillNumberRequest = z.object({ file: Sha256Hex, number: z.string().trim().min(1).max(20), date: IsoDate }).strict();
export type FillNumberRequest = z.infer<typeof FillNumberRequest>;

/** Art. 11 step 4: organization signature with the seal image, only on the issuing date (Art. 11.2). */
export const SignOrganizationRequest = z.object({ file: Sha256Hex, key: KeyChoice, pin: Pin, sealImage: Sha256Hex.optional() }).strict();
export type SignOrganizationRequest = z.infer<typeof SignOrganizationRequest>;

/** Art. 11 step 5 / Art. 10.4: text-only organization signatures, several files with one PIN entry. */
export const SignAttachmentsRequest = z
  .object({ files: z.array(Sha256Hex).min(1).max(200), firstLine: z.string().trim().min(1).max(200), key: KeyChoice, pin: Pin, jobId: JobId.optional() })
  .strict();
export type SignAttachmentsRequest = z.infer<typeof SignAttachmentsRequest>;

/**
 * `recordReceipt`: this is the verification on receipt (Art. 9.2, registration/exchange): main appends the file's
 * SHA-256, the time and the verdict to its receipt ledger, which later serves as proof of existence.
 */
export const VerifyRequest = z.object({ file: Sha256Hex, integrityOnly: z.boolean().optional(), recordReceipt: z.boolean().optional() }).strict();
export type VerifyRequest = z.infer<typeof VerifyRequest>;

/** "Xem bản đã ký": the byte prefix of a revision, stored as its own file. */
export const SignedRevisionRequest = z.object({ file: Sha256Hex, revision: z.number().int().min(1).max(10_000) }).strict();

/** Import a pinned trust anchor from a file already in the store, or from its official URL. */
export const TrustImportRequest = z.union([
  z.object({ file: Sha256Hex }).strict(),
  z.object({ url: z.string().url().max(500) }).strict(),
]);
export type TrustImportRequest = z.infer<typeof TrustImportRequest>;

export type PinStateValue = 'ok' | 'count-low' | 'final-try' | 'locked';

export interface TokenSummary {
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  pinState: PinStateValue;
}

export interface CertificateSummary {
  tokenLabel: string;
  keyId: string;
  keyLabel: string;
  subject: string;
  commonName: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  keyUsage: string[];
}

export type VerdictValue = 'valid' | 'valid-with-allowed-changes' | 'invalid' | 'unknown' | 'unsigned';

/**
 * What the shown signing time rests on (ETSI EN 319 102-1 time model, issue 6 item 4): 'claimed' is the signer's
 * own /M (thời điểm ký do người ký khai, proves nothing); the others are proofs of existence: a signature
 * timestamp (RFC 3161), a later document timestamp (/DocTimeStamp), or our receipt ledger record.
 */
export type TimeSource = 'claimed' | 'timestamp' | 'document-timestamp' | 'receipt';

export interface SignatureSummary {
  field: string;
  signer: string | null;
  organization: string | null;
  /** The proven time (earliest proof of existence) when there is one, else the claimed /M time. */
  time: string | null;
  /** What `time` rests on; certificate validity and revocation were judged at `time` only when it is proven. */
  timeSource: TimeSource;
  /** The signer's claimed /M time, always reported as it is (ISO 8601), null when absent or unreadable. */
  claimedTime: string | null;
  revision: number | null;
  revisions: number;
  coversWholeFile: boolean;
  verdict: Exclude<VerdictValue, 'unsigned'>;
  reasons: string[];
  allowedChanges: string[];
  /** DocMDP level of a certification signature (1–3), null for an approval signature. */
  certification: number | null;
  /** Chain to the configured anchors; 'not-checked' under --integrity-only or when the CMS itself failed. */
  chain: 'trusted' | 'untrusted' | 'expired' | 'not-checked';
  /** Revocation of the signer's certificate; 'unknown' when no fresh data was found (never taken as good). */
  revocation: 'good' | 'revoked' | 'unknown' | 'not-checked';
  /**
   * True when this signature is 'unknown' ONLY because no usable revocation data was found (offline, issue 6 item
   * 8): structure, integrity, changes and chain passed. Self-verification may then issue with the warning.
   */
  revocationUnchecked: boolean;
}

/**
 * A file made by a signing step, with what the self-verification could not check (e.g. "chưa kiểm tra được tình
 * trạng thu hồi" when offline); `warnings` is absent when everything was checked.
 */
export type SignedFile = StoredFile & { warnings?: string[] };

export interface VerificationSummary {
  verdict: VerdictValue;
  reasons: string[];
  signatures: SignatureSummary[];
}

export interface ModuleInfo {
  path: string;
  vendor: string;
}
