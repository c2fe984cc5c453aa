/**
 * Đăng ký văn bản đến (Art. 9.1): pick the scanned PDF (or take the one Quét văn bản hands over), OCR fills the
 * form (issue 9; boxes on the preview, fields to check highlighted), the clerk checks the data, Enter saves.
 */
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
import { emptyForm, type FieldName, type FormValues } from './form-state';
import { IncomingForm } from './IncomingForm';
import { OcrBoxes } from './OcrBoxes';
import type { OcrFormField } from './ocr-fill';
import { OcrStatus } from './OcrStatus';
import { useFileIntake } from './useFileIntake';
import { useOcrFill } from './useOcrFill';
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
  const formRef = useRef<HTMLFormElement>(null);
  const [activeField, setActiveField] = useState<FieldName | null>(null);
  const store = useStoreApi();
  const { adopt } = intake;
  const ocr = useOcrFill(values, setValues, formRef);
  const { read, extraction } = ocr;

  // A scan handed over by Quét văn bản (issue 9) becomes the file of this registration, and OCR fills the form.
  useEffect(() => {
    const handoff = store.getState().takeScanHandoff();
    if (handoff !== null) {
      void adopt(handoff).then((file) => {
        firstField.current?.focus();
        if (file !== null) void read(file.sha256);
      });
    }
  }, [store, adopt, read]);

  // Esc stops the recognition, as it stops a scan in Quét văn bản.
  const running = extraction.state === 'running';
  const { cancel } = extraction;
  useEffect(() => {
    if (!running) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) void cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, cancel]);

  if (!can(account.role, 'document.register')) return <p role="alert">{t.noPermission}</p>;

  const save = async (confirmDuplicate: boolean) => {
    const outcome = await registration.save(values, intake.file, confirmDuplicate, ocr.ocrTextFor(intake.file?.sha256));
    if (outcome === 'registered') {
      setValues(emptyForm());
      intake.clear();
      ocr.reset();
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
          <FilePicker onFile={(f) => void intake.accept(f).then((file) => (file === null ? ocr.reset() : read(file.sha256)))} busy={intake.busy} />
          {alertText ? (
            <p role="alert" className="notice notice-error">
              {alertText}
            </p>
          ) : null}
          {intake.file ? <p className="muted">{intake.file.name}</p> : null}
          {intake.file ? <IncomingVerdict sha256={intake.file.sha256} /> : null}
          {intake.file ? <OcrStatus extraction={extraction} fill={ocr.fill} /> : null}
          {intake.file ? (
            <PdfPreview
              bytes={intake.file.bytes}
              overlay={(page) =>
                ocr.fill ? <OcrBoxes page={page} boxes={ocr.fill.boxes} checks={ocr.fill.checks} active={activeField as OcrFormField | null} /> : null
              }
            />
          ) : null}
        </div>
        <IncomingForm
          values={values}
          issues={registration.issues}
          busy={registration.busy || intake.busy}
          firstFieldRef={firstField}
          formRef={formRef}
          checks={ocr.checkTexts}
          onFieldActive={setActiveField}
          onChange={(patch) => {
            ocr.edited(patch);
            setValues((v) => ({ ...v, ...patch }));
          }}
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
