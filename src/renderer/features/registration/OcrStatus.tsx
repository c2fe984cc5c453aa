/**
 * What OCR is doing for the file being registered (issue 9): the progress of the scan.extract job with Dừng
 * nhận dạng (Esc), then how many fields were filled and how many to check, or why nothing could be read. The form
 * stays editable throughout: a failure only means the clerk types the fields (Art. 9.1).
 */
import { ProgressBar } from '../../components/ProgressBar';
import { vi } from '../../i18n/vi';
import type { OcrFill } from './ocr-fill';
import type { Extraction } from './useExtraction';

const t = vi.ocr;

export function OcrStatus({ extraction, fill }: { extraction: Extraction; fill: OcrFill | null }) {
  const { state, progress } = extraction;
  if (state === 'running') {
    const done = progress?.done ?? 0;
    const total = progress?.total ?? 0;
    return (
      <div className="ocr-status" role="status">
        <ProgressBar label={t.progress(done, total)} done={done} total={total || done + 1} />
        <button type="button" className="secondary" onClick={() => void extraction.cancel()}>
          {t.cancel}
        </button>
      </div>
    );
  }
  if (state === 'failed') {
    return (
      <p className="ocr-status notice notice-error" role="status">
        {extraction.error}
      </p>
    );
  }
  if (state === 'cancelled') {
    return (
      <p className="ocr-status notice" role="status">
        {t.cancelled}
      </p>
    );
  }
  if (state !== 'done' || fill === null) return null;
  const { signerName, signerPosition, recipients } = fill.otherFacts;
  const facts = [
    signerName !== '' || signerPosition !== '' ? t.signer(signerName, signerPosition) : null,
    recipients.length > 0 ? t.recipients(recipients.join('; ')) : null,
  ].filter((s): s is string => s !== null);
  return (
    <div className="ocr-status notice" role="status">
      <p>{t.filled(fill.filledCount, Object.keys(fill.checks).length)}</p>
      {facts.length > 0 ? (
        <ul aria-label={t.otherFacts} className="muted">
          {facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
