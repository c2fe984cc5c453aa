/**
 * A stored PDF in the pdf.js preview with the signature panel beside it. "Xem bản đã ký" asks main for the
 * revision a signature covers (verify.signedRevision) and shows it in place of the current file.
 */
import { useEffect, useState } from 'react';
import { PdfPreview } from '../../components/PdfPreview';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { base64ToBytes } from '../../lib/base64';
import { useDeps } from '../../stores/AppContext';
import { useVerification } from './useVerification';
import { VerificationPanel } from './VerificationPanel';

const t = vi.verification;

export function VerifiedPreview({ sha256, width = 520 }: { sha256: string; width?: number }) {
  const { api } = useDeps();
  const verification = useVerification(sha256);
  const [shown, setShown] = useState<{ sha256: string; revision: number | null }>({ sha256, revision: null });
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setShown({ sha256, revision: null }), [sha256]);

  useEffect(() => {
    let live = true;
    setBytes(null);
    setError(null);
    void api.invoke('files.get', { sha256: shown.sha256 }).then((r) => {
      if (!live) return;
      if (r.ok) setBytes(base64ToBytes(r.value.dataBase64));
      else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, shown.sha256]);

  const showSigned = async (revision: number): Promise<void> => {
    const r = await api.invoke('verify.signedRevision', { file: sha256, revision });
    if (r.ok) setShown({ sha256: r.value.sha256, revision });
    else setError(errorText(r.error.code));
  };

  return (
    <div className="verified-preview">
      <div>
        {shown.revision !== null ? (
          <p role="status" className="notice">
            {t.showingSigned(shown.revision)}{' '}
            <button type="button" className="link" onClick={() => setShown({ sha256, revision: null })}>
              {t.showCurrent}
            </button>
          </p>
        ) : null}
        {error ? <p role="alert">{error}</p> : null}
        {bytes ? <PdfPreview bytes={bytes} width={width} /> : error ? null : <p>{vi.common.loading}</p>}
      </div>
      <VerificationPanel summary={verification.summary} error={verification.error} busy={verification.busy} onShowSigned={(r) => void showSigned(r)} />
    </div>
  );
}
