/**
 * Step 1, Chuẩn bị (Art. 11.1a): the draft PDF and the register data of the outgoing document. The number and
 * date fields are placed on the draft by main when the leader signs (at the "Số:" and date lines found by text
 * position), so nobody signs a draft without them.
 */
import { useEffect, useRef, type FormEvent } from 'react';
import { DOCUMENT_TYPES, type DocumentTypeId } from '../../../../shared/domain/document-types';
import { URGENCIES, type Urgency } from '../../../../shared/domain/urgency';
import { Field } from '../../../components/Field';
import { URGENCY_LABELS, vi } from '../../../i18n/vi';
import { FilePicker } from '../../registration/FilePicker';
import type { SigningFlow } from '../useSigningFlow';

const t = vi.signing;
const r = vi.registration;

export function PrepareStep({ flow }: { flow: SigningFlow }) {
  const { state, dispatch } = flow;
  const form = state.form;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (state.draft && form.notation.trim() !== '' && form.abstract.trim() !== '') dispatch({ type: 'prepared' });
  };
  return (
    <div className="prepare-step">
      <FilePicker onFile={(f) => void flow.acceptDraft(f)} busy={flow.busy} />
      {state.draft ? <p className="muted">{t.draftName(state.draft.name)}</p> : null}
      <p className="muted">{t.fieldsNote}</p>
      <form onSubmit={submit} className="outgoing-form">
        <Field label={r.typeId}>
          <select ref={first} value={form.typeId} onChange={(e) => dispatch({ type: 'form', patch: { typeId: e.target.value as DocumentTypeId } })}>
            {DOCUMENT_TYPES.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t.notation} hint={t.notationHint}>
          <input value={form.notation} onChange={(e) => dispatch({ type: 'form', patch: { notation: e.target.value } })} />
        </Field>
        <Field label={r.abstract}>
          <input value={form.abstract} onChange={(e) => dispatch({ type: 'form', patch: { abstract: e.target.value } })} />
        </Field>
        <Field label={t.recipient}>
          <input value={form.recipient} onChange={(e) => dispatch({ type: 'form', patch: { recipient: e.target.value } })} />
        </Field>
        <Field label={r.urgency}>
          <select value={form.urgency} onChange={(e) => dispatch({ type: 'form', patch: { urgency: e.target.value as Urgency } })}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {URGENCY_LABELS[u]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={!state.draft || flow.busy || form.notation.trim() === '' || form.abstract.trim() === ''}>
          {t.next}
        </button>
      </form>
    </div>
  );
}
