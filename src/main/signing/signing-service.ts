/**
 * The signing capability behind the channels of src/shared/api/signing-contract.ts: token listing, the Art. 11
 * steps on stored files, batch attachment signing as a job, verification and trust import. Services take their
 * ports in the constructor (house rule 3); the host maps each channel onto one method.
 */
import { X509Certificate } from 'node:crypto';
import { AppFailure } from '../../shared/api/result';
import type { StoredFile } from '../../shared/api/contract';
import type {
  CertificateSummary, FillNumberRequest, KeyChoice, ModuleInfo, PrepareRequest, SignAttachmentsRequest, SignedFile, SignOrganizationRequest,
  SignPersonalBatchRequest, SignPersonalRequest, TokenSummary, TrustImportRequest, VerificationSummary, VerifyRequest,
} from '../../shared/api/signing-schemas';
import type { BlobStore } from '../storage/blob-store';
import type { JobRunner } from '../jobs/job-runner';
import { fillNumberDate, prepareNumberDateFields, type FieldPlacement } from '../pdf/number-date-fields';
import { addDocumentTimestamp, type CmsSigner } from '../pdf/pades-sign';
import { cmsSignerOf, selfVerify, signOrganization, signPersonal, signTextOnly } from './issue-flow';
import { detectModules } from './token/module-paths';
import { Pkcs11TokenSession } from './token/pkcs11-token-session';
import type { TokenSession } from './token/token-session';
import type { TrustStore } from './trust-store';
import type { ReceiptLedger } from './receipt-ledger';
import { addLtv } from './ltv';
import type { TrustContext } from './verify/trust-check';
import { verifyPdf, type PdfVerification } from './verify/verify-pdf';
import type { VerifyPool } from './verify/verify-worker';
import { requestTimestamp } from './tsa/tsa-client';
import { parseRevisions } from '../pdf/parse/pdf-revisions';
import { findSignatures } from './verify/signature-structure';

export interface SigningServiceDeps {
  blobs: Pick<BlobStore, 'get' | 'put' | 'localPath'>;
  jobs: Pick<JobRunner, 'run'>;
  trust: TrustStore;
  revocationCacheDir: string;
  allowLiveFetch: boolean;
  /** The driver chosen in Cài đặt, or null to use the first one detected. */
  configuredModule: () => string | null;
  now: () => Date;
  /** RFC 3161 server for PAdES B-T; null or absent = B-B. A failure there stops the signature (TSA_UNAVAILABLE). */
  tsaUrl?: string | null;
  /**
   * PAdES B-LTA for issued files when a TSA is configured: a document timestamp after the DSS (ltv.ts). Off by
   * default; the host turns it on with the TSA setting.
   */
  archiveTimestamp?: boolean;
  /** Receipt ledger (<data dir>/receipts): proof of existence for documents verified on receipt. */
  receipts?: ReceiptLedger;
  /** Worker threads for verify.file (issue 6, item 7: never on Electron's main thread); absent = in this thread. */
  verifier?: Pick<VerifyPool, 'verify'> & Partial<Pick<VerifyPool, 'verifyFile'>>;
  openSession?: (modulePath: string) => TokenSession;
}

export class SigningService {
  private readonly deps: SigningServiceDeps;

  constructor(deps: SigningServiceDeps) {
    this.deps = deps;
  }

  private modulePath(): string {
    const path = this.deps.configuredModule() ?? detectModules()[0]?.path ?? null;
    if (!path) throw new AppFailure('TOKEN_ABSENT', 'Chưa cấu hình trình điều khiển thiết bị ký số (PKCS#11)');
    return path;
  }

  private session(): TokenSession {
    const path = this.modulePath();
    return this.deps.openSession ? this.deps.openSession(path) : new Pkcs11TokenSession({ modulePath: path });
  }

  /** The trust context as plain data (it crosses into the verification worker; receipts go by directory). */
  private plainTrustContext(): Omit<TrustContext, 'receipts'> {
    return {
      anchors: this.deps.trust.anchors(), intermediates: this.deps.trust.intermediates(), revocationCacheDir: this.deps.revocationCacheDir,
      allowLiveFetch: this.deps.allowLiveFetch, now: this.deps.now(),
    };
  }

  private trustContext(): TrustContext {
    const ledger = this.deps.receipts;
    return {
      anchors: this.deps.trust.anchors(), intermediates: this.deps.trust.intermediates(), revocationCacheDir: this.deps.revocationCacheDir,
      allowLiveFetch: this.deps.allowLiveFetch, now: this.deps.now(),
      ...(ledger ? { receipts: (sha256: string) => { const r = ledger.earliest(sha256); return r ? new Date(r.time) : null; } } : {}),
    };
  }

  /** Run `work` with a logged-in key; the session is always finalised. */
  private async withSigner<T>(key: KeyChoice, pin: string, work: (signer: CmsSigner) => Promise<T>): Promise<T> {
    const session = this.session();
    try {
      const token = await session.openSigner({ tokenLabel: key.tokenLabel, idHex: key.keyId }, pin, this.deps.now());
      try {
        const cert = new X509Certificate(Buffer.from(token.certificate.certDer));
        const chain = this.deps.trust.intermediates().filter((der) => cert.checkIssued(new X509Certificate(Buffer.from(der))));
        const signer = cmsSignerOf(token, chain);
        const tsaUrl = this.deps.tsaUrl;
        if (tsaUrl) signer.timestamp = (signatureValue) => requestTimestamp(signatureValue, { url: tsaUrl });
        return await work(signer);
      } finally {
        await token.close();
      }
    } finally {
      await session.close();
    }
  }

  /**
   * Self-verify (step 6), then store. A revoked certificate becomes CERT_REVOKED. Offline, a file whose only
   * unchecked point is revocation is stored with `warnings: ['chưa kiểm tra được tình trạng thu hồi']`.
   */
  private async finish(bytes: Uint8Array): Promise<SignedFile> {
    const ctx = this.trustContext();
    const check = await selfVerify(bytes, ctx.anchors.length > 0 ? { trust: ctx } : { integrityOnly: true }).catch((err: unknown) => {
      if (err instanceof AppFailure && err.details?.verdict === 'invalid' && /đã bị thu hồi/.test(err.message)) throw new AppFailure('CERT_REVOKED', 'Chứng thư số của người ký đã bị thu hồi');
      throw err;
    });
    const stored = await this.deps.blobs.put(bytes, 'application/pdf');
    return check.warnings.length > 0 ? { ...stored, warnings: check.warnings } : stored;
  }

  /**
   * The issued file (seal, attachments, copies) as PAdES B-LT: chain and revocation answers of every signature in a
   * DSS (ltv.ts), so the receiving office verifies offline. Unchanged when that material is incomplete (offline).
   */
  private async longTerm(bytes: Uint8Array): Promise<Uint8Array> {
    const ctx = this.trustContext();
    if (ctx.anchors.length === 0) return bytes;
    const lt = await addLtv(bytes, ctx);
    const tsaUrl = this.deps.tsaUrl;
    if (!lt || !tsaUrl || this.deps.archiveTimestamp !== true) return lt ?? bytes;
    // B-LTA: the document timestamp proves the signatures and their DSS existed at its genTime.
    return addDocumentTimestamp(lt, (signed) => requestTimestamp(signed, { url: tsaUrl }));
  }

  private async bytesOf(sha256: string): Promise<Uint8Array> {
    return new Uint8Array((await this.deps.blobs.get(sha256)).bytes);
  }

  /** token.modules */
  modules(): { detected: ModuleInfo[]; configured: string | null } {
    return { detected: detectModules(), configured: this.deps.configuredModule() };
  }

  /** token.list */
  async listTokens(): Promise<TokenSummary[]> {
    const s = this.session();
    try {
      return await s.listTokens();
    } finally {
      await s.close();
    }
  }

  /** token.certificates */
  async listCertificates(tokenLabel: string): Promise<CertificateSummary[]> {
    const s = this.session();
    try {
      return (await s.listCertificates(tokenLabel)).map((c) => ({
        tokenLabel: c.tokenLabel, keyId: c.idHex, keyLabel: c.keyLabel, subject: c.subject, commonName: c.commonName,
        issuer: c.issuer, notBefore: c.notBefore, notAfter: c.notAfter, keyUsage: c.keyUsage,
      }));
    } finally {
      await s.close();
    }
  }

  /** signing.personal */
  async signPersonal(req: SignPersonalRequest): Promise<SignedFile> {
    const draft = await this.bytesOf(req.file);
    const image = req.signatureImage ? await this.bytesOf(req.signatureImage) : undefined;
    const bytes = await this.withSigner(req.key, req.pin, (signer) => signPersonal(draft, signer, { now: this.deps.now(), ...(image ? { image } : {}) }));
    return this.finish(bytes);
  }

  /**
   * signing.personalBatch (Art. 11.1b, several drafts): one token login, each draft signed as in signPersonal,
   * self-verified and stored, `job.progress` after each. Not atomic on purpose: for the leader "what is signed stays
   * signed, the rest is not", so a cancel (checked between files, and once more after the last one) throws CANCELLED
   * with `details.signed` = the files stored so far, and any failure after the login carries them as well. A wrong
   * PIN fails in the login, before any file is touched. Errors: as signPersonal, CANCELLED.
   */
  async signPersonalBatch(req: SignPersonalBatchRequest): Promise<SignedFile[]> {
    const image = req.signatureImage ? await this.bytesOf(req.signatureImage) : undefined;
    const total = req.files.length;
    const done: SignedFile[] = [];
    const cancelled = (): AppFailure =>
      new AppFailure('CANCELLED', `Đã dừng ký duyệt hàng loạt: đã ký ${done.length}/${total} văn bản`, { signed: [...done], total });
    return this.deps.jobs.run(req.jobId, 'Ký duyệt nhiều văn bản', (ctx) =>
      this.withSigner(req.key, req.pin, async (signer) => {
        ctx.progress(0, total);
        try {
          for (const [i, sha] of req.files.entries()) {
            if (ctx.signal.aborted) throw cancelled();
            const signed = await signPersonal(await this.bytesOf(sha), signer, { now: this.deps.now(), ...(image ? { image } : {}) });
            done.push(await this.finish(signed));
            ctx.progress(i + 1, total);
          }
        } catch (cause) {
          if (!(cause instanceof AppFailure) || done.length === 0 || cause.details?.signed) throw cause;
          // A token pulled out at file 3 must not hide files 1 and 2, which are signed and stored.
          throw new AppFailure(cause.code, cause.message, { ...cause.details, signed: [...done], total });
        }
        // A cancel that arrived while the last file was being signed: the runner would answer CANCELLED anyway,
        // so say what was signed rather than let the list be lost.
        if (ctx.signal.aborted) throw cancelled();
        return done;
      }),
    );
  }

  /** signing.prepare (Art. 11 step 1): empty number/date fields, dragged or auto-placed. */
  async prepare(req: PrepareRequest): Promise<StoredFile> {
    const placement: FieldPlacement = {};
    if (req.placement?.number) placement.number = req.placement.number;
    if (req.placement?.date) placement.date = req.placement.date;
    return this.deps.blobs.put(await prepareNumberDateFields(await this.bytesOf(req.file), placement), 'application/pdf');
  }

  /** signing.fillNumber */
  async fillNumber(req: FillNumberRequest): Promise<SignedFile> {
    return this.finish(await fillNumberDate(await this.bytesOf(req.file), req.number, req.date));
  }

  /** signing.organization */
  async signOrganization(req: SignOrganizationRequest): Promise<SignedFile> {
    const numbered = await this.bytesOf(req.file);
    const sealImage = req.sealImage ? await this.bytesOf(req.sealImage) : undefined;
    const bytes = await this.withSigner(req.key, req.pin, (signer) => signOrganization(numbered, signer, { now: this.deps.now(), ...(sealImage ? { sealImage } : {}) }));
    return this.finish(await this.longTerm(bytes));
  }

  /** signing.attachments: one PIN entry for the whole batch, progress events, cancellable between files. */
  async signAttachments(req: SignAttachmentsRequest): Promise<SignedFile[]> {
    return this.deps.jobs.run(req.jobId, 'Ký số tệp đính kèm', (ctx) =>
      this.withSigner(req.key, req.pin, async (signer) => {
        const out: SignedFile[] = [];
        for (const [i, sha] of req.files.entries()) {
          if (ctx.signal.aborted) throw new AppFailure('CANCELLED', 'Đã hủy ký hàng loạt');
          const signed = await signTextOnly(await this.bytesOf(sha), signer, { now: this.deps.now(), firstLine: req.firstLine });
          out.push(await this.finish(await this.longTerm(signed)));
          ctx.progress(i + 1, req.files.length);
        }
        return out;
      }),
    );
  }

  /** signing.trustImport */
  async importTrust(req: TrustImportRequest): Promise<{ imported: string[] }> {
    const pins = 'url' in req ? await this.deps.trust.importFromUrl(req.url) : this.deps.trust.importCertificates(await this.bytesOf(req.file));
    return { imported: pins.map((p) => p.name) };
  }

  /**
   * verify.file. With `recordReceipt` (the verification on receipt, Art. 9.2) the file's hash, the time and the
   * verdict go into the receipt ledger after a full (not integrity-only) verification; a later verification of
   * the same bytes is then judged at the receipt time (ETSI EN 319 102-1 proof of existence).
   */
  async verify(req: VerifyRequest): Promise<VerificationSummary> {
    const r = await this.verifyStored(req);
    if (req.recordReceipt && !req.integrityOnly && this.deps.receipts && r.verdict !== 'unsigned') this.deps.receipts.record(req.file, r.verdict);
    return { verdict: r.verdict, reasons: r.reasons, signatures: r.signatures };
  }

  /**
   * Verify a stored file: in the worker, which reads the blob itself and hashes it in the same pass as the
   * signatures (a file that no longer matches its name fails like BlobStore.get); else bytes moved to the worker,
   * or verified in this thread when there is no worker.
   */
  private async verifyStored(req: VerifyRequest): Promise<PdfVerification> {
    const options = req.integrityOnly ? { integrityOnly: true } : { trust: this.plainTrustContext(), ...(this.deps.receipts ? { receiptLedgerDir: this.deps.receipts.directory } : {}) };
    const { verifier, blobs } = this.deps;
    if (verifier?.verifyFile && blobs.localPath) {
      const r = await verifier.verifyFile(await blobs.localPath(req.file), options);
      if ('sha256' in r && r.sha256 !== req.file) throw new AppFailure('INTEGRITY', 'Tệp trong kho đã bị thay đổi hoặc hỏng (mã băm không khớp).', { sha256: req.file, actual: r.sha256 });
      return r;
    }
    const bytes = await this.bytesOf(req.file);
    return verifier
      ? verifier.verify(bytes, options, true)
      : verifyPdf(bytes, req.integrityOnly ? { integrityOnly: true } : { trust: this.trustContext() });
  }

  /** verify.signedRevision: the bytes of revision `revision` (1-based), for "xem bản đã ký". */
  async signedRevision(req: { file: string; revision: number }): Promise<StoredFile> {
    const bytes = await this.bytesOf(req.file);
    const pdf = parseRevisions(bytes);
    const rev = pdf.revisions[req.revision - 1];
    if (!rev) throw new AppFailure('VALIDATION', `Tài liệu không có bản sửa đổi ${req.revision}`);
    // A signature's ByteRange says exactly where its revision ended (with or without the final EOL).
    const signed = findSignatures(pdf).find((s) => s.revision === rev.index && s.byteRange);
    const end = signed?.byteRange ? (signed.byteRange[2] ?? 0) + (signed.byteRange[3] ?? 0) : rev.end;
    return this.deps.blobs.put(bytes.subarray(0, end), 'application/pdf');
  }
}
