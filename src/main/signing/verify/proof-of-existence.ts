/**
 * Proofs of existence (PoE) of a signature, ETSI EN 319 102-1 §5.6.2.4 and the time model of issue 6 item 4
 * (pdf-signing.md §6 "Time"): without one, certificate validity and revocation are judged at validation time
 * (now), and the signer's /M is shown as claimed (thời điểm ký do người ký khai), never like a proven time.
 * Sources, the earliest wins:
 * - the signature timestamp (RFC 3161 token in the CMS, PAdES B-T), checked by tsa/timestamp-check.ts;
 * - a document timestamp (/Type /DocTimeStamp, /SubFilter /ETSI.RFC3161, PAdES B-LTA) in a later revision: its
 *   genTime proves that every revision it covers existed;
 * - our receipt ledger (receipt-ledger.ts): the SHA-256 of the whole file, or of the revision a signature
 *   covers, recorded when the document was received and verified (Art. 9.2).
 */
import type { TimeSource } from '../../../shared/api/signing-schemas';
import type { ParsedPdf } from '../../pdf/parse/pdf-revisions';
import { checkTimestamp, type TimestampCheck, type TimestampTrust } from '../tsa/timestamp-check';
import { toX509 } from './chain';
import { PrefixDigests } from './prefix-digests';
import type { FoundSignature } from './signature-structure';
import { dssMaterial, type TrustContext } from './trust-check';

export interface ProofOfExistence {
  time: Date;
  source: Exclude<TimeSource, 'claimed'>;
  /** The TSA name for a (document) timestamp; null for a receipt. */
  by: string | null;
}

/** Earliest receipt time of exactly the bytes with this SHA-256 (hex), or null. */
export type ReceiptLookup = (sha256: string) => Date | null;

/** Whether `s` is a document timestamp rather than a signature (ISO 32000-2 §12.8.5). */
export function isDocumentTimestamp(s: FoundSignature): boolean {
  return (s as { isDocTimeStamp?: boolean }).isDocTimeStamp === true || s.subFilter === 'ETSI.RFC3161';
}

function trustFor(pdf: ParsedPdf, ctx: TrustContext | undefined, integrityOnly: boolean): TimestampTrust {
  if (integrityOnly) return null;
  return {
    anchors: (ctx?.anchors ?? []).map(toX509).filter((c) => c !== null),
    pool: [...dssMaterial(pdf).certs, ...(ctx?.intermediates ?? [])],
    cacheDir: ctx?.revocationCacheDir,
    allowLiveFetch: ctx?.allowLiveFetch,
  };
}

/**
 * Check a document timestamp: its /Contents is an RFC 3161 token whose message imprint is the hash of the
 * ByteRange bytes (the whole file up to its own revision, minus the hole). Unless integrity-only, the TSA chains
 * to the configured anchors at genTime.
 */
export async function checkDocumentTimestamp(s: FoundSignature, bytes: Uint8Array, pdf: ParsedPdf, ctx: TrustContext | undefined, integrityOnly: boolean): Promise<TimestampCheck> {
  if (!s.contents || !s.byteRange) return { time: null, tsa: null, problems: ['dấu thời gian tài liệu thiếu /Contents hoặc /ByteRange'] };
  const [a = 0, b = 0, c = 0, d = 0] = s.byteRange;
  const covered = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  return checkTimestamp(s.contents.bytes, new Uint8Array(covered), trustFor(pdf, ctx, integrityOnly));
}

/** The verdict parts of one document timestamp, judged as an entry of its own (PAdES B-LTA). */
export interface DocumentTimestampVerdict {
  /** Integrity failures: the token is malformed, does not cover these bytes or its signature is wrong. */
  invalid: string[];
  /** Doubts: the TSA does not chain to the configured anchors (or none are configured). */
  unknown: string[];
  time: Date | null;
  tsa: string | null;
}

/**
 * Judge a document timestamp: integrity first (imprint over the ByteRange, TSA signature, timeStamping EKU), then,
 * unless integrity-only, the TSA's path at genTime. A good one is a proof of existence for the earlier revisions.
 */
export async function documentTimestampVerdict(s: FoundSignature, bytes: Uint8Array, pdf: ParsedPdf, ctx: TrustContext | undefined, integrityOnly: boolean): Promise<DocumentTimestampVerdict> {
  const integrity = await checkDocumentTimestamp(s, bytes, pdf, ctx, true);
  if (!integrity.time) return { invalid: integrity.problems.map((p) => `dấu thời gian tài liệu: ${p}`), unknown: [], time: null, tsa: integrity.tsa };
  if (integrityOnly) return { invalid: [], unknown: [], time: integrity.time, tsa: integrity.tsa };
  if ((ctx?.anchors ?? []).length === 0) return { invalid: [], unknown: ['chưa cấu hình chứng thư số gốc tin cậy'], time: null, tsa: integrity.tsa };
  const full = await checkDocumentTimestamp(s, bytes, pdf, ctx, false);
  return { invalid: [], unknown: full.problems.map((p) => `dấu thời gian tài liệu: ${p}`), time: full.time, tsa: full.tsa ?? integrity.tsa };
}

/** Collects the proofs of existence of one document once, then answers per signature. */
export class ProofsOfExistence {
  private readonly stamps: Array<{ revision: number; time: Date; tsa: string | null }> = [];
  private readonly receipts: ReceiptLookup | undefined;
  private readonly bytes: Uint8Array;
  private wholeFile: ProofOfExistence | null | undefined;

  private readonly prefixes: PrefixDigests;

  private constructor(bytes: Uint8Array, receipts: ReceiptLookup | undefined, prefixes: PrefixDigests) {
    this.bytes = bytes;
    this.receipts = receipts;
    this.prefixes = prefixes;
  }

  /** Verify every document timestamp of `sigs` (bad ones prove nothing) and keep the receipt lookup. */
  static async collect(pdf: ParsedPdf, bytes: Uint8Array, sigs: FoundSignature[], ctx: TrustContext | undefined, integrityOnly: boolean, prefixes = new PrefixDigests(bytes)): Promise<ProofsOfExistence> {
    const out = new ProofsOfExistence(bytes, integrityOnly ? undefined : ctx?.receipts, prefixes);
    for (const s of sigs) {
      if (!isDocumentTimestamp(s) || s.revision === null || s.problems.length > 0) continue;
      const check = await checkDocumentTimestamp(s, bytes, pdf, ctx, integrityOnly);
      if (check.time) out.stamps.push({ revision: s.revision, time: check.time, tsa: check.tsa });
    }
    return out;
  }

  private receiptOf(end: number): ProofOfExistence | null {
    if (!this.receipts) return null;
    const whole = end >= this.bytes.length;
    if (whole && this.wholeFile !== undefined) return this.wholeFile;
    const sha = this.prefixes.prefix(end).toString('hex');
    const t = this.receipts(sha);
    const proof: ProofOfExistence | null = t ? { time: t, source: 'receipt', by: null } : null;
    if (whole) this.wholeFile = proof;
    return proof;
  }

  /**
   * The earliest proof that signature `s` existed: its own timestamp, a later document timestamp, a receipt of
   * the whole file or of the revision it signs. Null when only the claimed /M is known.
   */
  bestFor(s: FoundSignature, signatureTimestamp: { time: Date; tsa: string | null } | null): ProofOfExistence | null {
    const proofs: ProofOfExistence[] = [];
    if (signatureTimestamp) proofs.push({ time: signatureTimestamp.time, source: 'timestamp', by: signatureTimestamp.tsa });
    if (s.revision !== null) {
      for (const st of this.stamps) if (st.revision > s.revision) proofs.push({ time: st.time, source: 'document-timestamp', by: st.tsa });
    }
    const whole = this.receiptOf(this.bytes.length);
    if (whole) proofs.push(whole);
    const end = s.byteRange ? (s.byteRange[2] ?? 0) + (s.byteRange[3] ?? 0) : 0;
    if (end > 0 && end < this.bytes.length) {
      const own = this.receiptOf(end);
      if (own) proofs.push(own);
    }
    return proofs.reduce<ProofOfExistence | null>((best, p) => (!best || p.time < best.time ? p : best), null);
  }
}
