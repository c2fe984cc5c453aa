/**
 * When a verification result lets a document be issued (Art. 11 step 6, self-verification before issue) and when
 * it does so only with the offline warning (issue 6 item 8): offices must keep working when the link is down, so a
 * result whose ONLY undetermined point is missing revocation data (no OCSP/CRL reachable, nothing in the cache)
 * is accepted with the visible warning "chưa kiểm tra được tình trạng thu hồi". It is never shown as good: the
 * verdict stays "unknown" and the signature's revocation stays "unknown". Revoked, invalid, an untrusted chain or
 * any other undetermined point still refuses. Pure (used by main and the renderer).
 */
import type { VerificationSummary, VerdictValue } from '../api/signing-schemas';

/** Fully verified: valid, or valid with only allowed changes. */
export function isFullyValid(verdict: VerdictValue): boolean {
  return verdict === 'valid' || verdict === 'valid-with-allowed-changes';
}

/** Undetermined only because revocation could not be checked (every signature otherwise valid). */
export function onlyRevocationUnchecked(summary: VerificationSummary): boolean {
  return summary.verdict === 'unknown' && summary.signatures.length > 0
    && summary.signatures.every((s) => isFullyValid(s.verdict) || (s.verdict === 'unknown' && s.revocationUnchecked && s.chain === 'trusted' && s.revocation === 'unknown'))
    && summary.signatures.some((s) => s.verdict === 'unknown');
}

/** What self-verification before issue accepts: 'valid' (fully), 'offline' (with the warning) or 'refused'. */
export function issueAcceptance(summary: VerificationSummary): 'valid' | 'offline' | 'refused' {
  if (isFullyValid(summary.verdict)) return 'valid';
  return onlyRevocationUnchecked(summary) ? 'offline' : 'refused';
}
