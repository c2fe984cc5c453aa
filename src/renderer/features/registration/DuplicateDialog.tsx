/** Warns that the same số, ký hiệu from the same issuer is already registered (NĐ 30 Phụ lục VI). */
import { formatDateTimeVN } from '../../../shared/util/time';
import { Dialog } from '../../components/Dialog';
import type { RegisterRow } from '../../db/records';
import { vi } from '../../i18n/vi';

export function DuplicateDialog({ existing, onConfirm, onBack }: { existing: RegisterRow; onConfirm: () => void; onBack: () => void }) {
  const { entry, document } = existing;
  return (
    <Dialog title={vi.registration.duplicateTitle} role="alertdialog" onClose={onBack}>
      <p>
        {vi.registration.duplicateBody(
          entry.number,
          entry.year,
          document.codeNotation,
          document.issuer,
          formatDateTimeVN(new Date(entry.legalReceiptAt)),
        )}
      </p>
      <div className="row">
        <button type="button" onClick={onBack}>
          {vi.registration.goBack}
        </button>
        <button type="button" className="secondary" onClick={onConfirm}>
          {vi.registration.registerAnyway}
        </button>
      </div>
    </Dialog>
  );
}
