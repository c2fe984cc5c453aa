/** Hủy an entry (Art. 9.4, 9.5): the reason is required; the entry keeps its number and stays in the register. */
import { useState, type FormEvent } from 'react';
import { cancelEntry } from '../../db/registration';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useDeps } from '../../stores/AppContext';

const t = vi.register;

export function CancelDialog(props: { entryId: number; number: number; actor: string; onClose: () => void }) {
  const { db, now } = useDeps();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim() === '') return setError(t.cancelReasonRequired);
    setBusy(true);
    try {
      await cancelEntry(db, { entryId: props.entryId, reason: reason.trim(), actor: props.actor, at: now().getTime() });
      props.onClose();
    } catch (cause) {
      setError(errorTextOf(cause));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t.cancelTitle(props.number)} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t.cancelIntro}</p>
        <Field label={t.cancelReason} error={error ?? undefined}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </Field>
        <div className="row">
          <button type="submit" className="danger" disabled={busy}>
            {t.confirmCancel}
          </button>
          <button type="button" className="secondary" onClick={props.onClose}>
            {vi.common.close}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
