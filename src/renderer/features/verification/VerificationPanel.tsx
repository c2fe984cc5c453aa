/**
 * The signature panel shown next to the pdf.js preview: the overall verdict in plain Vietnamese and, per
 * signature, who / when / organization / chain / revocation / what changed since, with "Xem bản đã ký".
 */
import type { VerificationSummary } from '../../../shared/api/signing-schemas';
import { vi } from '../../i18n/vi';
import { summaryLines } from './verdict-text';

const t = vi.verification;

export interface VerificationPanelProps {
  summary: VerificationSummary | null;
  error: string | null;
  busy: boolean;
  /** Called with the revision a signature covers; absent hides the buttons. */
  onShowSigned?: (revision: number) => void;
}

export function VerificationPanel({ summary, error, busy, onShowSigned }: VerificationPanelProps) {
  const lines = summary ? summaryLines(summary) : null;
  return (
    <aside className="verification-panel" aria-label={t.title} data-testid="verification-panel">
      <h2>{t.title}</h2>
      {busy ? <p>{t.checking}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      {lines ? (
        <>
          <p className={`verdict verdict-${lines.tone}`} data-testid="verdict">
            <strong>{lines.overall}</strong>
          </p>
          {lines.note ? <p className="muted">{lines.note}</p> : null}
          {lines.signatures.map((s) => (
            <section key={s.heading} className="signature-block" aria-label={s.heading}>
              <h3>
                {s.heading}: <span className={`verdict-${s.tone}`}>{s.verdict}</span>
              </h3>
              <dl>
                {s.rows.map((row) => (
                  <div key={row.label} className="row">
                    <dt>{row.label}</dt>
                    <dd>{row.value}</dd>
                  </div>
                ))}
              </dl>
              {onShowSigned && s.revision !== null ? (
                <button type="button" className="secondary" onClick={() => onShowSigned(s.revision as number)}>
                  {t.showSigned}
                </button>
              ) : null}
            </section>
          ))}
        </>
      ) : null}
    </aside>
  );
}
