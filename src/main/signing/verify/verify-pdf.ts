/**
 * Verify every signature of a PDF (runs in main on every incoming document, Art. 9.2, and on demand):
 * structure (signature-structure.ts), CMS integrity (cms-check.ts), what changed since each signature
 * (revision-diff.ts), then — unless integrity-only — the chain to the configured anchors and revocation
 * (trust-check.ts). A signature timestamp (PAdES B-T) is checked too (tsa/timestamp-check.ts): a good one proves
 * the signing time, a bad one leaves the signature at best "unknown". Verdicts and reasons are plain Vietnamese.
 */
import { parseRevisions, type ParsedPdf } from '../../pdf/parse/pdf-revisions';
import { DEFAULT_PDF_LIMITS, PdfBudget, PdfLimitError, attachBudget, type PdfLimits } from '../../pdf/parse/pdf-limits';
import { PdfSyntaxError } from '../../pdf/parse/pdf-lexer';
import { RevisionView } from '../../pdf/parse/revision-view';
import { checkCms } from './cms-check';
import { PrefixDigests } from './prefix-digests';
import { pdfDateToIso } from '../../pdf/pdf-date';
import { analyseChanges, type Locks } from './revision-diff';
import { findSignatures, walkFields, type FoundSignature } from './signature-structure';
import { checkTrust, dssMaterial, type TrustContext } from './trust-check';
import { checkTimestamp, type TimestampTrust } from '../tsa/timestamp-check';
import { documentTimestampVerdict, isDocumentTimestamp, ProofsOfExistence, type ProofOfExistence } from './proof-of-existence';
import { toX509 } from './chain';
import { toIso8601VN } from '../../../shared/util/time';
import type { SignatureSummary, VerdictValue, VerificationSummary } from '../../../shared/api/signing-schemas';

/** The verdict values and per-signature fields cross the contract as they are (src/shared/api/signing-schemas.ts). */
export type Verdict = VerdictValue;
export type SignatureVerdictKind = Exclude<Verdict, 'unsigned'>;

/** One signature's verdict, exactly as it crosses the contract. */
export type SignatureVerdict = SignatureSummary;

export interface PdfVerification extends VerificationSummary {
  signatures: SignatureVerdict[];
}

export interface VerifyOptions {
  /** Judge structure, integrity and revisions only (like pdfsig -nocert). */
  integrityOnly?: boolean;
  trust?: TrustContext;
  /** Work bounds for this file (defaults: DEFAULT_PDF_LIMITS). */
  limits?: Partial<PdfLimits>;
  /**
   * The file's prefix hashes, when the caller also wants the hash of the whole file (the worker's check of a
   * stored file against its name): it is then taken in the same pass.
   */
  prefixes?: PrefixDigests;
  /**
   * Start offsets of every '%%EOF' in the file, found while the caller read it (the worker's reader of stored
   * files): the parser then skips its own search over the whole file. Checked before use (pdf-revisions.ts).
   */
  eofMarkers?: readonly number[];
}

function locksAt(pdf: ParsedPdf, sigs: FoundSignature[], revision: number): Locks {
  const locks: Locks = { docMdp: null, fields: new Set() };
  const last = pdf.revisions[pdf.revisions.length - 1];
  const allNames = last ? walkFields(new RevisionView(pdf, last)).map((f) => f.name) : [];
  const add = (t: { action?: string; fields?: string[] }): void => {
    if (locks.fields === 'all') return;
    const set = locks.fields;
    if (t.action === 'All') locks.fields = 'all';
    else if (t.action === 'Include') for (const f of t.fields ?? []) set.add(f);
    else if (t.action === 'Exclude') for (const f of allNames) if (!(t.fields ?? []).includes(f)) set.add(f);
  };
  for (const s of sigs) {
    if (s.revision === null || s.revision > revision) continue;
    for (const t of s.transforms) {
      if (t.method === 'DocMDP') locks.docMdp = locks.docMdp === null ? t.p ?? 2 : Math.min(locks.docMdp, t.p ?? 2);
      if (t.method === 'FieldMDP') add(t);
    }
    if (s.lock) add(s.lock);
  }
  return locks;
}

function timestampTrust(pdf: ParsedPdf, cmsCerts: Uint8Array[], ctx: TrustContext | undefined): TimestampTrust {
  return {
    anchors: (ctx?.anchors ?? []).map(toX509).filter((c) => c !== null),
    pool: [...cmsCerts, ...dssMaterial(pdf).certs, ...(ctx?.intermediates ?? [])],
    cacheDir: ctx?.revocationCacheDir,
    allowLiveFetch: ctx?.allowLiveFetch,
  };
}

/**
 * Verify `bytes`. Never throws on bad input: malformed files come back as invalid or unsigned with reasons, and a
 * file that exceeds a work bound (pdf-limits.ts: size, xref, inflation, revisions, time) comes back invalid with
 * the bound it broke, never "hợp lệ" (issue 6, item 7).
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyOptions = {}): Promise<PdfVerification> {
  attachBudget(bytes, new PdfBudget({ ...DEFAULT_PDF_LIMITS, ...options.limits }));
  try {
    return await verifyWithinBudget(bytes, options);
  } catch (err) {
    if (err instanceof PdfLimitError) return { verdict: 'invalid', reasons: [`tệp vượt giới hạn kiểm tra an toàn: ${err.message}`], signatures: [] };
    if (!(err instanceof PdfSyntaxError)) console.error('[verify] lỗi không mong đợi khi kiểm tra tệp', err);
    return { verdict: 'invalid', reasons: [`cấu trúc PDF hỏng, không kiểm tra được: ${(err as Error).message}`], signatures: [] };
  }
}

async function verifyWithinBudget(bytes: Uint8Array, options: VerifyOptions): Promise<PdfVerification> {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    return { verdict: 'invalid', reasons: ['tệp không phải PDF'], signatures: [] };
  }
  const pdf = parseRevisions(bytes, options.eofMarkers);
  const docProblems: string[] = [];
  const sigs = findSignatures(pdf);
  if (sigs.length === 0) return { verdict: 'unsigned', reasons: ['tài liệu chưa được ký số'], signatures: [] };
  const lastEnd = pdf.revisions[pdf.revisions.length - 1]?.end ?? 0;
  const tail = Buffer.from(bytes.subarray(lastEnd)).toString('latin1');
  if (/\S/.test(tail)) docProblems.push(`có ${bytes.length - lastEnd} byte sau %%EOF cuối cùng không thuộc bản sửa đổi nào`);
  const certification = sigs.find((s) => s.transforms.some((t) => t.method === 'DocMDP'));
  if (certification && certification !== sigs[0]) docProblems.push('chữ ký chứng thực (DocMDP) không phải chữ ký đầu tiên');

  const results: SignatureVerdict[] = [];
  // Proofs of existence (document timestamps, receipts) decide the validation time (ETSI EN 319 102-1, trust-check.ts).
  // Every hash this file needs (each ByteRange, the receipts of the whole file and of each signed revision, the
  // store's name of the file) continues from prefix states taken in one pass (prefix-digests.ts).
  const prefixes = options.prefixes ?? new PrefixDigests(bytes);
  const receipts = options.integrityOnly !== true && options.trust?.receipts !== undefined;
  prefixes.prepare([
    ...sigs.flatMap((s) => (s.byteRange && s.byteRange[0] === 0 ? [s.byteRange[1] ?? 0] : [])),
    ...(receipts ? [bytes.length, ...sigs.flatMap((s) => (s.byteRange ? [(s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0)] : []))] : []),
    ...(options.prefixes ? [bytes.length] : []),
  ]);
  const proofs = await ProofsOfExistence.collect(pdf, bytes, sigs, options.trust, options.integrityOnly === true, prefixes);
  for (const s of sigs) {
    const why = [...s.problems];
    let allowed: string[] = [];
    let substantive = false;
    let signer: string | null = s.name;
    let organization: string | null = null;
    let chain: SignatureVerdict['chain'] = 'not-checked';
    let revocation: SignatureVerdict['revocation'] = 'not-checked';
    const unknown: string[] = [];
    const notes: string[] = [];
    let provenTime: Date | null = null;
    let tsaName: string | null = null;
    let poe: ProofOfExistence | null = null;
    let revocationOnly = false;
    // Even a value with structure problems (an orphan, a widget outside /Fields) is verified and its revision analysed.
    if (s.contents && s.byteRange && s.revision !== null && isDocumentTimestamp(s)) {
      // PAdES B-LTA document timestamp (ISO 32000-2 §12.8.5): an RFC 3161 token over its ByteRange, not a CMS signature.
      const d = await documentTimestampVerdict(s, bytes, pdf, options.trust, options.integrityOnly === true);
      why.push(...d.invalid);
      unknown.push(...d.unknown);
      signer = d.tsa ?? signer;
      if (d.time) poe = { time: d.time, source: 'document-timestamp', by: d.tsa };
      const changes = analyseChanges(pdf, s.revision, locksAt(pdf, sigs, s.revision));
      why.push(...changes.disallowed.map((x) => `thay đổi sau khi ký: ${x}`));
      allowed = changes.allowed;
      substantive = changes.substantive;
    } else if (s.contents && s.byteRange && s.revision !== null) {
      const cms = checkCms(s.contents.bytes, bytes, s.byteRange, s.subFilter === 'ETSI.CAdES.detached', options.integrityOnly === true, prefixes);
      why.push(...cms.problems);
      // A weak algorithm (SHA-1) never proves integrity well enough for "hợp lệ", not even integrity-only (issue 6, item 9).
      unknown.push(...cms.warnings);
      if (cms.signer) { signer = cms.signer.commonName || cms.signer.subject; organization = cms.signer.organization || cms.signer.commonName || null; }
      const changes = analyseChanges(pdf, s.revision, locksAt(pdf, sigs, s.revision));
      why.push(...changes.disallowed.map((d) => `thay đổi sau khi ký: ${d}`));
      allowed = changes.allowed;
      substantive = changes.substantive;
      if (cms.ok && cms.timestampToken && cms.signatureValue) {
        const ts = await checkTimestamp(cms.timestampToken, cms.signatureValue, options.integrityOnly ? null : timestampTrust(pdf, cms.certs, options.trust));
        if (ts.time) {
          provenTime = ts.time;
          tsaName = ts.tsa;
          notes.push(`thời điểm ký ${toIso8601VN(ts.time)} được chứng thực bằng dấu thời gian của "${ts.tsa ?? ''}"`);
        } else unknown.push(...ts.problems.map((p) => `dấu thời gian không dùng được: ${p}`));
      }
      poe = proofs.bestFor(s, provenTime ? { time: provenTime, tsa: tsaName } : null);
      if (!poe) notes.push(`thời điểm ký ${pdfDateToIso(s.claimedTime) ?? '(không ghi)'} do người ký khai, chưa được chứng thực`);
      if (cms.ok && !options.integrityOnly && cms.signerCertDer) {
        const undeterminedBefore = unknown.length;
        const t = await checkTrust(cms.signerCertDer, cms, pdf, s, options.trust, poe);
        // Offline (issue 6 item 8): "unknown" only for want of revocation data, everything else checked.
        revocationOnly = t.revocationUnchecked && undeterminedBefore === 0;
        chain = t.chain;
        revocation = t.revocation;
        why.push(...t.invalid);
        unknown.push(...t.unknown);
        notes.push(...t.notes);
      }
    }
    const verdict: SignatureVerdictKind = why.length > 0 ? 'invalid' : unknown.length > 0 ? 'unknown' : substantive ? 'valid-with-allowed-changes' : 'valid';
    results.push({
      // A proof of existence proves the time; otherwise the claimed /M time is shown, marked as claimed.
      field: s.fieldName, signer, organization, time: poe ? toIso8601VN(poe.time) : pdfDateToIso(s.claimedTime),
      timeSource: poe?.source ?? 'claimed', claimedTime: pdfDateToIso(s.claimedTime),
      revision: s.revision === null ? null : s.revision + 1, revisions: pdf.revisions.length,
      coversWholeFile: s.byteRange !== null && (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0) === bytes.length,
      certification: s.transforms.find((t) => t.method === 'DocMDP')?.p ?? null,
      verdict, reasons: [...why, ...unknown, ...notes], allowedChanges: allowed, chain, revocation,
      revocationUnchecked: verdict === 'unknown' && revocationOnly,
    });
  }
  const reasons = [...docProblems];
  for (const r of results.filter((x) => x.verdict === 'invalid')) reasons.push(`chữ ký "${r.field}" không hợp lệ: ${r.reasons.join('; ')}`);
  for (const r of results.filter((x) => x.verdict === 'unknown')) reasons.push(`chữ ký "${r.field}" chưa xác định: ${r.reasons.join('; ')}`);
  const verdict: Verdict = reasons.length > 0 && results.every((x) => x.verdict !== 'invalid') && docProblems.length === 0
    ? 'unknown'
    : reasons.length > 0 ? 'invalid'
      : results.some((r) => r.verdict === 'valid-with-allowed-changes') ? 'valid-with-allowed-changes' : 'valid';
  if (verdict === 'valid') reasons.push('mọi chữ ký hợp lệ, tài liệu không bị thay đổi sau khi ký');
  if (verdict === 'valid-with-allowed-changes') reasons.push('mọi chữ ký hợp lệ; sau khi ký chỉ có các thay đổi được phép');
  return { verdict, reasons, signatures: results };
}
