/**
 * Step 5: separate attachments, each signed with the organization key (Art. 6.2b), text-only. Several files take
 * one PIN entry; main reports `job.progress`, shown as a progress bar with a cancel button.
 */
import { useRef } from 'react';
import { ProgressBar } from '../../../components/ProgressBar';
import { vi } from '../../../i18n/vi';
import { useAppStore } from '../../../stores/AppContext';
import { KeyPicker } from '../KeyPicker';
import type { Tokens } from '../useTokens';
import type { SigningFlow } from '../useSigningFlow';

const t = vi.signing;

export function AttachmentsStep({ flow, tokens }: { flow: SigningFlow; tokens: Tokens }) {
  const input = useRef<HTMLInputElement>(null);
  const job = useAppStore((s) => (flow.jobId ? s.jobs[flow.jobId] : undefined));
  const { attachments } = flow.state;
  const unsigned = attachments.filter((a) => a.signed === null);
  return (
    <div className="attachments-step">
      <p className="muted">{t.attachmentsIntro}</p>
      <label className="button secondary">
        {t.addAttachments}
        <input
          ref={input}
          type="file"
          accept="application/pdf,.pdf"
          multiple
          hidden
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void (async () => {
              for (const f of files) await flow.addAttachment(f);
            })();
          }}
        />
      </label>
      {attachments.length === 0 ? <p>{t.noAttachments}</p> : null}
      <ul className="attachment-list">
        {attachments.map((a) => (
          <li key={a.sha256}>
            {a.name}: <strong>{a.signed ? t.attachmentSigned : t.attachmentUnsigned}</strong>
            {a.signed ? null : (
              <button type="button" className="link" onClick={() => flow.dispatch({ type: 'attachmentRemoved', sha256: a.sha256 })}>
                {vi.common.cancel}
              </button>
            )}
          </li>
        ))}
      </ul>
      {unsigned.length > 0 ? (
        <KeyPicker tokens={tokens} submitLabel={t.signAttachments(unsigned.length)} busy={flow.busy} onSign={flow.signAttachments} />
      ) : null}
      {job && job.state === 'running' ? (
        <div className="row">
          <ProgressBar label={vi.jobs.progress(t.attachmentsJob, job.done, job.total)} done={job.done} total={job.total} />
          <button type="button" className="secondary" onClick={() => void flow.cancelAttachments()}>
            {t.cancelJob}
          </button>
        </div>
      ) : null}
      <button type="button" disabled={flow.busy || unsigned.length > 0} onClick={() => flow.dispatch({ type: 'attachmentsDone' })}>
        {t.next}
      </button>
    </div>
  );
}
