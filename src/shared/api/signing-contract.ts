/**
 * The signing, verification and token channels of issue 3, kept in their own map until the host wires them:
 * adding them to `contract` makes `Handlers` (src/main/host/handlers.ts) require their handlers, so the
 * owner of the host merges them with `...signingContract` in contract.ts together with the handlers
 * (SigningService in src/main/signing/signing-service.ts implements each one).
 */
import { Empty } from './schemas';
import type { StoredFile } from './contract';
import {
  FillNumberRequest,
  PrepareRequest,
  SignAttachmentsRequest,
  SignedRevisionRequest,
  SignOrganizationRequest,
  SignPersonalBatchRequest,
  SignPersonalRequest,
  TokenRef,
  TrustImportRequest,
  VerifyRequest,
  type CertificateSummary,
  type SignedFile,
  type ModuleInfo,
  type TokenSummary,
  type VerificationSummary,
} from './signing-schemas';
import type { z } from 'zod';

interface ChannelSpec<S extends z.ZodType, R> {
  schema: S;
  /** Phantom: carries the response type; never read at run time. */
  readonly response?: R;
}

function request<S extends z.ZodType>(schema: S) {
  return { returns: <R>(): ChannelSpec<S, R> => ({ schema }) };
}

export const signingContract = {
  /** PKCS#11 drivers found on this machine (auto-detection list) and the one configured. Errors: none. */
  'token.modules': request(Empty).returns<{ detected: ModuleInfo[]; configured: string | null }>(),
  /** Tokens present, with their PIN state (shown before the user types). Errors: TOKEN_ABSENT (driver not loadable). */
  'token.list': request(Empty).returns<TokenSummary[]>(),
  /** Certificates on a token (subject in Vietnamese, issuer, validity, key usage). Errors: TOKEN_ABSENT. */
  'token.certificates': request(TokenRef).returns<CertificateSummary[]>(),
  /** Art. 11 step 1: add the number/date fields at the clerk's placement (auto-placed where missing), as an incremental update. Errors: VALIDATION (fields present already, page out of range, encrypted PDF), NOT_FOUND. */
  'signing.prepare': request(PrepareRequest).returns<StoredFile>(),
  /** Art. 11 step 2: personal approval signature (fields prepared when missing); the result goes to the store. Errors: VALIDATION, NOT_FOUND, TOKEN_ABSENT, PIN_INCORRECT, PIN_LOCKED, CERT_EXPIRED, CERT_REVOKED, INTEGRITY. */
  'signing.personal': request(SignPersonalRequest).returns<SignedFile>(),
  /**
   * Art. 11.1b in a batch: each draft signed personally as `signing.personal`, one token login for all, `job.progress`
   * after each file, cancellable between files. Not atomic: what is signed stays signed (stored, self-verified), so a
   * cancel answers CANCELLED with `details.signed` (StoredFile[], in request order) and signs nothing more; any other
   * failure after the login carries `details.signed` too. A wrong PIN signs nothing. Errors: as signing.personal, CANCELLED.
   */
  'signing.personalBatch': request(SignPersonalBatchRequest).returns<SignedFile[]>(),
  /** Art. 11 step 3: fill number and date as an incremental update. Errors: VALIDATION, NOT_FOUND. */
  'signing.fillNumber': request(FillNumberRequest).returns<SignedFile>(),
  /** Art. 11 step 4: organization signature with the seal, only on the issuing date (Art. 11.2). Errors: as signing.personal. */
  'signing.organization': request(SignOrganizationRequest).returns<SignedFile>(),
  /** Art. 11 step 5 / Art. 10.4: text-only organization signatures, one PIN entry, `job.progress`, cancellable. Errors: as signing.personal, CANCELLED. */
  'signing.attachments': request(SignAttachmentsRequest).returns<SignedFile[]>(),
  /** Import a trust anchor whose SHA-256 matches a pin (file in the store or official URL). Errors: VALIDATION (no pin matches), AXIS_UNREACHABLE, NOT_FOUND. */
  'signing.trustImport': request(TrustImportRequest).returns<{ imported: string[] }>(),
  /** Verify every signature of a stored PDF (structure, integrity, changes, chain, revocation). Errors: NOT_FOUND. */
  'verify.file': request(VerifyRequest).returns<VerificationSummary>(),
  /** The signed revision of a PDF ("xem bản đã ký") as its own stored file. Errors: NOT_FOUND, VALIDATION. */
  'verify.signedRevision': request(SignedRevisionRequest).returns<StoredFile>(),
} as const;
