/**
 * The tokens present and their PIN state, kept live: token.list when the screen opens (which also starts main's
 * watcher), then every `token.changed` event (insertion, removal, PIN state). Certificates of the chosen token
 * come from token.certificates.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CertificateSummary, TokenSummary } from '../../../shared/api/signing-schemas';
import { errorText } from '../../i18n/messages';
import { useDeps } from '../../stores/AppContext';

export interface Tokens {
  tokens: TokenSummary[];
  error: string | null;
  refresh(): void;
}

export function useTokens(): Tokens {
  const { api } = useDeps();
  const [tokens, setTokens] = useState<TokenSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    void api.invoke('token.list', {}).then((r) => {
      if (r.ok) {
        setTokens(r.value);
        setError(null);
      } else {
        setTokens([]);
        setError(errorText(r.error.code));
      }
    });
  }, [api]);

  useEffect(() => {
    refresh();
    return api.on('token.changed', (p) => {
      setTokens(p.tokens);
      setError(null);
    });
  }, [api, refresh]);

  return { tokens, error, refresh };
}

/** Certificates of one token (empty while none is chosen or the token is gone). */
export function useCertificates(tokenLabel: string | null, tokens: TokenSummary[]): { certificates: CertificateSummary[]; error: string | null } {
  const { api } = useDeps();
  const [certificates, setCertificates] = useState<CertificateSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const present = tokenLabel !== null && tokens.some((t) => t.label === tokenLabel);

  useEffect(() => {
    setCertificates([]);
    setError(null);
    if (!present || tokenLabel === null) return;
    let live = true;
    void api.invoke('token.certificates', { tokenLabel }).then((r) => {
      if (!live) return;
      if (r.ok) setCertificates(r.value);
      else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, tokenLabel, present]);

  return { certificates, error };
}
