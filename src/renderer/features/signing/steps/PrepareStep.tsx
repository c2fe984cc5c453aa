/**
 * Step 1, Chuẩn bị (Art. 11.1a): the draft PDF, where its number and date fields go (FieldPlacer, signing.prepare)
 * and the register data of the outgoing document. Fields not placed here are auto-placed by main when the leader
 * signs, so nobody signs a draft without them. The clerk also sees the drafts a leader signed and left "Chờ cấp
 * số" (Art. 11.1b) and continues one at step 3.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DocumentTypeId } from '../../../../shared/domain/document-types';
import type { Urgency } from '../../../../shared/domain/urgency';
import { Field } from '../../../components/Field';
import { vi } from '../../../i18n/vi';
import { useWaitingDrafts } from '../../../db/queries/hooks';
import { base64ToBytes } from '../../../lib/base64';
import { useDeps } from '../../../stores/AppContext';
import { FilePicker } from '../../registration/FilePicker';
import type { SigningFlow } from '../useSigningFlow';
import { FieldPlacer } from './FieldPlacer';
import { DocumentTypeOptions, UrgencyOptions } from '../../../components/DomainOptions';

const t = vi.signing;
const r = vi.registration;

/** The stored draft's bytes, for drawing it under the boxes. */
function useDraftBytes(sha256: string | null): Uint8Array | null {
  const { api } = useDeps();
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  useEffect(() => {
    setBytes(null);
    if (sha256 === null) return;
    let live = true;
    void api.invoke('files.get', { sha256 }).then((r) => {
      if (live && r.ok) setBytes(base64ToBytes(r.value.dataBase64));
    });
    return () => {
      live = false;
    };
  }, [api, sha256]);
  return bytes;
}

function WaitingDrafts({ flow }: { flow: SigningFlow }) {
  const { db } = useDeps();
  const drafts = useWaitingDrafts(db);
  if (!drafts || drafts.length === 0) return null;
  return (
    <section className="waiting-drafts" aria-label={t.waitingTitle}>
      <h3>{t.waitingTitle}</h3>
      <ul>
        {drafts.map((d) => (
          <li key={d.id} data-testid="waiting-draft">
            {t.waitingItem(d.notation, d.abstract, d.signer)}{' '}
            <button type="button" className="secondary" disabled={flow.busy} onClick={() => flow.resumeDraft(d)}>
              {t.continueDraft}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function PrepareStep({ flow, mayIssue }: { flow: SigningFlow; mayIssue: boolean }) {
  const { state, dispatch } = flow;
  const form = state.form;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  const bytes = useDraftBytes(state.draft && !state.fieldsPlaced ? state.draft.sha256 : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (state.draft && form.notation.trim() !== '' && form.abstract.trim() !== '') void flow.proceed();
  };
  return (
    <div className="prepare-step">
      {mayIssue ? <WaitingDrafts flow={flow} /> : null}
      <FilePicker onFile={(f) => void flow.acceptDraft(f)} busy={flow.busy} />
      {state.draft ? <p className="muted">{t.draftName(state.draft.name)}</p> : null}
      {state.fieldsPlaced ? (
        <p role="status" className="notice notice-ok">
          {t.fieldsPlaced}
        </p>
      ) : (
        <p className="muted">{t.fieldsNote}</p>
      )}
      {bytes ? <FieldPlacer bytes={bytes} busy={flow.busy} onPlace={(p) => void flow.placeFields(p)} onAuto={() => void flow.placeFields(undefined)} /> : null}
      <form onSubmit={submit} className="outgoing-form">
        <Field label={r.typeId}>
          <select ref={first} value={form.typeId} onChange={(e) => dispatch({ type: 'form', patch: { typeId: e.target.value as DocumentTypeId } })}>
            <DocumentTypeOptions />
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
            <UrgencyOptions />
          </select>
        </Field>
        <button type="submit" disabled={!state.draft || flow.busy || form.notation.trim() === '' || form.abstract.trim() === ''}>
          {t.next}
        </button>
      </form>
    </div>
  );
}
