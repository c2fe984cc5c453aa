/**
 * A verification summary from main (verify.file) as the lines the panel shows: the overall verdict in plain
 * Vietnamese (hợp lệ / hợp lệ, có thay đổi được phép / không hợp lệ (lý do) / chưa xác định (lý do)) and, per
 * signature, who, when, organization, chain, revocation and what changed since. Pure, so it is unit-tested.
 *
 * Chain, revocation and certification are shown as main found them (SignatureSummary.chain / .revocation /
 * .certification), never inferred from the verdict: an 'unknown' verdict may come from a trusted chain with no
 * revocation data, and the panel must say which of the two is missing.
 */
import type { SignatureSummary, VerdictValue, VerificationSummary } from '../../../shared/api/signing-schemas';
import { formatDateTimeVN } from '../../../shared/util/time';
import { VERDICT_LABELS, vi } from '../../i18n/vi';

const t = vi.verification;

export type VerdictTone = 'ok' | 'warn' | 'bad' | 'neutral';

/** Colour class of a verdict. */
export function verdictTone(verdict: VerdictValue): VerdictTone {
  if (verdict === 'valid' || verdict === 'valid-with-allowed-changes') return 'ok';
  if (verdict === 'invalid') return 'bad';
  return verdict === 'unknown' ? 'warn' : 'neutral';
}

/** "Hợp lệ", or "Không hợp lệ (lý do; lý do)": the reasons are added where the verdict needs them. */
export function verdictText(verdict: VerdictValue, reasons: readonly string[]): string {
  const label = VERDICT_LABELS[verdict];
  if ((verdict === 'invalid' || verdict === 'unknown') && reasons.length > 0) return t.withReason(label, reasons.join('; '));
  return label;
}

/** Whether a result lets a document be issued (Art. 11, step 6) or counted as authentic (Art. 9.2). */
export function isAcceptable(verdict: VerdictValue): boolean {
  return verdict === 'valid' || verdict === 'valid-with-allowed-changes';
}

export interface SignatureLines {
  heading: string;
  verdict: string;
  tone: VerdictTone;
  rows: { label: string; value: string }[];
  /** The revision "Xem bản đã ký" shows, or null when the signature has none (a broken structure). */
  revision: number | null;
}

function timeText(iso: string | null): string {
  if (iso === null) return vi.common.none;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTimeVN(d);
}

function changesText(s: SignatureSummary): string {
  if (s.coversWholeFile) return t.noChanges;
  const where = s.revision !== null ? `${t.revisionOf(s.revision, s.revisions)}. ` : '';
  return s.allowedChanges.length > 0 ? `${where}${s.allowedChanges.join('; ')}` : `${where}${VERDICT_LABELS[s.verdict]}`;
}

/** "Ký duyệt (chữ ký phê duyệt)", or the certification signature with its DocMDP level (ISO 32000-1 §12.8.2.2). */
function kindText(certification: number | null): string {
  return certification === null ? t.approval : t.certification(certification);
}

/** The panel's lines for one signature (1-based position `i`). */
export function signatureLines(s: SignatureSummary, i: number): SignatureLines {
  const rows: { label: string; value: string }[] = [
    { label: t.signer, value: s.signer ?? vi.common.none },
    { label: t.time, value: s.time === null ? vi.common.none : `${timeText(s.time)} (${t.timeSources[s.timeSource]})` },
    { label: t.organization, value: s.organization ?? vi.common.none },
    { label: t.kind, value: kindText(s.certification) },
    { label: t.chain, value: t.chainValues[s.chain] },
    { label: t.revocation, value: t.revocationValues[s.revocation] },
    { label: t.changes, value: changesText(s) },
  ];
  if (s.reasons.length > 0) rows.push({ label: t.reasons, value: s.reasons.join('; ') });
  return { heading: t.signatureHeading(i, s.field), verdict: verdictText(s.verdict, []), tone: verdictTone(s.verdict), rows, revision: s.revision };
}

/** The overall line and the per-signature blocks. */
export function summaryLines(summary: VerificationSummary): { overall: string; tone: VerdictTone; note: string | null; signatures: SignatureLines[] } {
  return {
    overall: verdictText(summary.verdict, summary.reasons),
    tone: verdictTone(summary.verdict),
    note: summary.verdict === 'unsigned' ? t.unsignedNote : null,
    signatures: summary.signatures.map((s, i) => signatureLines(s, i + 1)),
  };
}
