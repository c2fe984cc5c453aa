/** Runs verify.file for a stored file whenever the file changes; `again()` re-runs it (e.g. after a trust import). */
import { useCallback, useEffect, useState } from 'react';
import type { VerificationSummary } from '../../../shared/api/signing-schemas';
import { errorText } from '../../i18n/messages';
import { useDeps } from '../../stores/AppContext';

export interface Verification {
  summary: VerificationSummary | null;
  error: string | null;
  busy: boolean;
  again(): void;
}

export function useVerification(sha256: string | null): Verification {
  const { api } = useDeps();
  const [summary, setSummary] = useState<VerificationSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    setSummary(null);
    setError(null);
    if (sha256 === null) return;
    let live = true;
    setBusy(true);
    void api.invoke('verify.file', { file: sha256 }).then((r) => {
      if (!live) return;
      setBusy(false);
      if (r.ok) setSummary(r.value);
      else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, sha256, round]);

  const again = useCallback(() => setRound((n) => n + 1), []);
  return { summary, error, busy, again };
}
