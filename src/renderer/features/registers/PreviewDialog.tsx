/** "Xem": the stored PDF of an entry, fetched by its SHA-256 (files.get re-checks the hash). */
import { useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { PdfPreview } from '../../components/PdfPreview';
import { errorText } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { base64ToBytes } from '../../lib/base64';
import { useDeps } from '../../stores/AppContext';

export function PreviewDialog({ sha256, title, onClose }: { sha256: string; title: string; onClose: () => void }) {
  const { api } = useDeps();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api.invoke('files.get', { sha256 }).then((r) => {
      if (!live) return;
      if (r.ok) setBytes(base64ToBytes(r.value.dataBase64));
      else setError(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api, sha256]);

  return (
    <Dialog title={title} onClose={onClose} wide>
      {error ? <p role="alert">{error}</p> : null}
      {bytes === null && error === null ? <p>{vi.common.loading}</p> : null}
      {bytes ? <PdfPreview bytes={bytes} width={700} /> : null}
      <button type="button" onClick={onClose}>
        {vi.common.close}
      </button>
    </Dialog>
  );
}
