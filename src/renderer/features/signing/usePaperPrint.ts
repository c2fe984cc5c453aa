/**
 * Art. 11.1đ: a type that Art. 8.3 also sends on paper gets a print of the personally signed version. The
 * personal signature's revision is taken from the newest file (verify.file: the approval signature with the
 * lowest revision), cut out by main (verify.signedRevision), fetched and offered as a download for printing; the
 * clerk then confirms the paper copy was printed, which is journaled against the register entry.
 */
import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/api/result';
import { recordPaperPrinted } from '../../db/outgoing';
import { errorText, errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { base64ToBytes } from '../../lib/base64';
import { useDeps } from '../../stores/AppContext';
import type { SigningFlow } from './useSigningFlow';

export interface PaperPrint {
  /** Object URL of the personally signed revision, once fetched. */
  url: string | null;
  fileName: string;
  printed: boolean;
  busy: boolean;
  error: string | null;
  fetch(): Promise<void>;
  confirm(): Promise<void>;
}

class Failed extends Error {}

function valueOf<T>(r: Result<T>): T {
  if (!r.ok) throw new Failed(errorText(r.error.code));
  return r.value;
}

/** The file name of the print: "ban-ky-duyet-01-QĐ-UBND.pdf" (no slash). */
export function printFileName(codeNotation: string | undefined): string {
  return `ban-ky-duyet-${(codeNotation ?? 'du-thao').replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`;
}

export function usePaperPrint(flow: SigningFlow, actor: string): PaperPrint {
  const { api, db, now } = useDeps();
  const [printed, setPrinted] = useState<{ url: string; sha256: string } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const source = flow.state.sealed ?? flow.state.numbered ?? flow.state.personal;
  const entry = flow.state.entry;

  useEffect(() => () => {
    if (printed) URL.revokeObjectURL(printed.url);
  }, [printed]);

  const guarded = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(cause instanceof Failed ? cause.message : errorTextOf(cause));
    } finally {
      setBusy(false);
    }
  };

  const fetch = () =>
    guarded(async () => {
      if (!source) return;
      const summary = valueOf(await api.invoke('verify.file', { file: source.sha256 }));
      const revisions = summary.signatures.filter((s) => s.certification === null && s.revision !== null).map((s) => s.revision as number);
      if (revisions.length === 0) throw new Failed(vi.signing.noPersonalRevision);
      const revision = valueOf(await api.invoke('verify.signedRevision', { file: source.sha256, revision: Math.min(...revisions) }));
      const file = valueOf(await api.invoke('files.get', { sha256: revision.sha256 }));
      const url = URL.createObjectURL(new Blob([base64ToBytes(file.dataBase64)], { type: 'application/pdf' }));
      setPrinted({ url, sha256: revision.sha256 });
    });

  const confirm = () =>
    guarded(async () => {
      if (!printed || !entry) return;
      await recordPaperPrinted(db, { entryId: entry.entryId, fileSha256: printed.sha256, actor, at: now().getTime() });
      setConfirmed(true);
    });

  return { url: printed?.url ?? null, fileName: printFileName(entry?.codeNotation), printed: confirmed, busy, error, fetch, confirm };
}
