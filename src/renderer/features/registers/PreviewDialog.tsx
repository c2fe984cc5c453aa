/**
 * "Xem": the stored PDF of an entry (files.get re-checks the hash) with the signature panel beside it; the
 * verification runs on demand each time the dialog opens (issue 3).
 */
import { Dialog } from '../../components/Dialog';
import { vi } from '../../i18n/vi';
import { VerifiedPreview } from '../verification/VerifiedPreview';

export function PreviewDialog({ sha256, title, onClose }: { sha256: string; title: string; onClose: () => void }) {
  return (
    <Dialog title={title} onClose={onClose} wide>
      <VerifiedPreview sha256={sha256} width={600} />
      <button type="button" onClick={onClose}>
        {vi.common.close}
      </button>
    </Dialog>
  );
}
