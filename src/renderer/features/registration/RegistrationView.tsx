/** Đăng ký văn bản đến (Art. 9.1): pick the scanned PDF, check the preview, type the data, Enter saves. */
import { useEffect, useRef, useState } from 'react';
import { can } from '../../../shared/domain/roles';
import { formatDateTimeVN } from '../../../shared/util/time';
import { PdfPreview } from '../../components/PdfPreview';
import { errorText, receiptRuleText } from '../../i18n/messages';
import { SECRET_DOCUMENT_MESSAGE, vi, VIEW_LABELS } from '../../i18n/vi';
import { useStoreApi } from '../../stores/AppContext';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { IncomingVerdict } from '../verification/IncomingVerdict';
import { DuplicateDialog } from './DuplicateDialog';
import { FilePicker } from './FilePicker';
import { emptyForm, type FormValues } from './form-state';
import { IncomingForm } from './IncomingForm';
import { useFileIntake } from './useFileIntake';
import { useRegistration, type Registered } from './useRegistration';

const t = vi.registration;

function RegisteredNote({ done }: { done: Registered }) {
  return (
    <div role="status" className="notice notice-ok">
      <p>
        <strong>{t.registered(done.number)}</strong> {t.receiptAt(formatDateTimeVN(done.legal))}
      </p>
      <p>{receiptRuleText(done.rule)}</p>
      {done.secret ? <p className="notice-warn">{SECRET_DOCUMENT_MESSAGE}</p> : null}
    </div>
  );
}

export function RegistrationView({ account }: { account: SessionAccount }) {
  const intake = useFileIntake();
  const registration = useRegistration(account.username);
  const [values, setValues] = useState<FormValues>(emptyForm);
  const firstField = useRef<HTMLSelectElement>(null);
  const store = useStoreApi();
  const { adopt } = intake;

  // A scan handed over by Quét văn bản (issue 9) becomes the file of this registration.
  useEffect(() => {
    const handoff = store.getState().takeScanHandoff();
    if (handoff !== null) {
      void adopt(handoff).then(() => firstField.current?.focus());
    }
  }, [store, adopt]);

  if (!can(account.role, 'document.register')) return <p role="alert">{t.noPermission}</p>;

  const save = async (confirmDuplicate: boolean) => {
    const outcome = await registration.save(values, intake.file, confirmDuplicate);
    if (outcome === 'registered') {
      setValues(emptyForm());
      intake.clear();
      firstField.current?.focus();
    }
  };

  // One alert region for the view: the file problem first, then a save problem.
  const alertText = intake.error ?? registration.alert ?? (registration.issues.form ? errorText('VALIDATION') : null);

  return (
    <section className="view registration" aria-labelledby="registration-title">
      <h1 id="registration-title">{VIEW_LABELS.registration}</h1>
      {registration.registered ? <RegisteredNote done={registration.registered} /> : null}
      <div className="registration-grid">
        <div>
          <FilePicker onFile={(f) => void intake.accept(f)} busy={intake.busy} />
          {alertText ? (
            <p role="alert" className="notice notice-error">
              {alertText}
            </p>
          ) : null}
          {intake.file ? <p className="muted">{intake.file.name}</p> : null}
          {intake.file ? <IncomingVerdict sha256={intake.file.sha256} /> : null}
          {intake.file ? <PdfPreview bytes={intake.file.bytes} /> : null}
        </div>
        <IncomingForm
          values={values}
          issues={registration.issues}
          busy={registration.busy || intake.busy}
          firstFieldRef={firstField}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          onSubmit={() => void save(false)}
        />
      </div>
      {registration.duplicate ? (
        <DuplicateDialog
          existing={registration.duplicate}
          onBack={registration.dismissDuplicate}
          onConfirm={() => void save(true)}
        />
      ) : null}
    </section>
  );
}
