/** "Kiểm tra nhật ký": walks the hash chain of the audit journal (Art. 3.3 integrity). */
import { useState } from 'react';
import { verifyJournal } from '../../db/journal';
import { errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useDeps } from '../../stores/AppContext';

const t = vi.settings;

export function JournalSection() {
  const { db, api } = useDeps();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      const head = await api.invoke('journal.head', {});
      if (!head.ok) {
        setResult({ ok: false, text: errorTextOf(head.error) });
        return;
      }
      const r = await verifyJournal(db, head.value.head);
      setResult(r.ok ? { ok: true, text: t.journalOk(r.count) } : { ok: false, text: t.journalBroken(r.firstBroken.seq, t.journalReasons[r.firstBroken.reason]) });
    } catch (cause) {
      setResult({ ok: false, text: errorTextOf(cause) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">{t.journalSection}</h2>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {t.verifyJournal}
      </button>
      {result ? (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'notice notice-ok' : 'notice notice-error'}>
          {result.text}
        </p>
      ) : null}
    </section>
  );
}
