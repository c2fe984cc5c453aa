/**
 * Art. 9.2: the clerk checks authenticity and integrity of every incoming document, so the registration screen
 * verifies the chosen file at once and shows the verdict (a scanned paper document is 'unsigned', which is normal).
 */
import { useVerification } from './useVerification';
import { VerificationPanel } from './VerificationPanel';

export function IncomingVerdict({ sha256 }: { sha256: string }) {
  const verification = useVerification(sha256);
  return <VerificationPanel summary={verification.summary} error={verification.error} busy={verification.busy} />;
}
