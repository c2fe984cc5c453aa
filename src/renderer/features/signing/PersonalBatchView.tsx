/**
 * "Ký duyệt nhiều văn bản" (Art. 11.1b, several drafts, one PIN entry): choose or drop several draft PDFs, give each
 * its trích yếu and the batch its shared register data, then one KeyPicker (PIN state shown before typing), a
 * progress bar from `job.progress` with "Dừng ký", and the outcome. Signed drafts wait for the clerk "Chờ cấp số".
 * Everything is reachable with the keyboard: native file input, inputs, buttons and the KeyPicker form.
 */
import { PdfDropZone } from '../../components/PdfDropZone';
import type { DocumentTypeId } from '../../../shared/domain/document-types';
import type { Urgency } from '../../../shared/domain/urgency';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { vi } from '../../i18n/vi';
import { useAppStore } from '../../stores/AppContext';
import { KeyPicker } from './KeyPicker';
import { usePersonalBatch, type PersonalBatch } from './usePersonalBatch';
import type { Tokens } from './useTokens';
import { DocumentTypeOptions, UrgencyOptions } from '../../components/DomainOptions';

const t = vi.signingBatch;

function BatchDropZone({ batch }: { batch: PersonalBatch }) {
  return (
    <PdfDropZone
      label={t.chooseFiles}
      hint={batch.busy ? vi.registration.uploading : t.dropHere}
      multiple
      disabled={batch.busy}
      onFiles={(files) => void batch.addFiles(files)}
      testId="batch-drop-zone"
    />
  );
}

function SharedForm({ batch }: { batch: PersonalBatch }) {
  const { form, setForm } = batch;
  const r = vi.registration;
  return (
    <fieldset className="outgoing-form" disabled={batch.busy}>
      <legend>{t.sharedData}</legend>
      <Field label={r.typeId}>
        <select value={form.typeId} onChange={(e) => setForm({ typeId: e.target.value as DocumentTypeId })}>
          <DocumentTypeOptions />
        </select>
      </Field>
      <Field label={vi.signing.notation} hint={vi.signing.notationHint}>
        <input value={form.notation} onChange={(e) => setForm({ notation: e.target.value })} />
      </Field>
      <Field label={vi.signing.recipient}>
        <input value={form.recipient} onChange={(e) => setForm({ recipient: e.target.value })} />
      </Field>
      <Field label={r.urgency}>
        <select value={form.urgency} onChange={(e) => setForm({ urgency: e.target.value as Urgency })}>
          <UrgencyOptions />
        </select>
      </Field>
    </fieldset>
  );
}

export function PersonalBatchView({ actor, tokens }: { actor: string; tokens: Tokens }) {
  const batch = usePersonalBatch(actor, tokens.refresh);
  const job = useAppStore((s) => (batch.jobId ? s.jobs[batch.jobId] : undefined));
  const unsigned = batch.items.filter((x) => x.state === 'unsigned');
  const ready = unsigned.length > 0 && batch.form.notation.trim() !== '' && unsigned.every((x) => x.abstract.trim() !== '');
  return (
    <div className="personal-batch" data-testid="personal-batch">
      <p className="muted">{t.intro}</p>
      {batch.error ? (
        <p role="alert" className="notice notice-error">
          {batch.error}
        </p>
      ) : null}
      {batch.notice ? (
        <p role="status" className="notice notice-ok">
          {batch.notice}
        </p>
      ) : null}
      <BatchDropZone batch={batch} />
      {batch.refused.length > 0 ? (
        <ul role="alert" className="notice notice-error" aria-label={t.refusedTitle}>
          {batch.refused.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {batch.items.length === 0 ? <p>{t.noFiles}</p> : null}
      <ul className="batch-list">
        {batch.items.map((item) => (
          <li key={item.sha256} data-testid="batch-item">
            <span>{item.name}</span>{' '}
            <strong>{item.state === 'saved' ? t.saved : t.unsigned}</strong>
            {item.state === 'unsigned' ? (
              <>
                <input aria-label={t.abstractOf(item.name)} value={item.abstract} disabled={batch.busy} onChange={(e) => batch.setAbstract(item.sha256, e.target.value)} />
                <button type="button" className="link" disabled={batch.busy} aria-label={t.removeOf(item.name)} onClick={() => batch.remove(item.sha256)}>
                  {t.remove}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <SharedForm batch={batch} />
      {unsigned.length > 0 && !ready ? <p className="muted">{t.fillFirst}</p> : null}
      {unsigned.length > 0 ? (
        <KeyPicker tokens={tokens} submitLabel={t.sign(unsigned.length)} busy={batch.busy} disabled={!ready} onSign={batch.sign} />
      ) : null}
      {job && job.state === 'running' ? (
        <div className="row">
          <ProgressBar label={vi.jobs.progress(t.job, job.done, job.total)} done={job.done} total={job.total} />
          <button type="button" className="secondary" onClick={() => void batch.cancel()}>
            {vi.signing.cancelJob}
          </button>
        </div>
      ) : null}
    </div>
  );
}
