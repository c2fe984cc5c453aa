/**
 * "Ký số và phát hành": the Art. 11 issuing flow as ONE guided screen, the steps in order on the left (only the
 * current one open), the newest revision in the pdf.js preview with its signature panel on the right. Token
 * insertion and removal update the screen live (useTokens, `token.changed`).
 */
import { useState, type ReactNode } from 'react';
import { vi, VIEW_LABELS } from '../../i18n/vi';
import type { SessionAccount } from '../../stores/slices/session-slice';
import { VerifiedPreview } from '../verification/VerifiedPreview';
import { STEP_IDS, sealAllowedOn, stepStatuses, type StepId } from './flow-state';
import { KeyPicker } from './KeyPicker';
import { PersonalBatchView } from './PersonalBatchView';
import { mayIssue as mayIssueRole, mayUseSigning } from './signing-permissions';
import { AttachmentsStep } from './steps/AttachmentsStep';
import { PrepareStep } from './steps/PrepareStep';
import { VerifyStep } from './steps/VerifyStep';
import { useSigningFlow, type SigningFlow } from './useSigningFlow';
import { useTokens, type Tokens } from './useTokens';

const t = vi.signing;

function NumberStep({ flow }: { flow: SigningFlow }) {
  const { entry, personal } = flow.state;
  return (
    <div>
      {personal ? <p>{t.personalDone(personal.signer)}</p> : null}
      {flow.state.draftId !== null && !entry ? <p className="muted">{t.draftSaved}</p> : null}
      {entry ? <p>{t.numbered(entry.codeNotation, entry.date)}</p> : null}
      {entry ? (
        <button type="button" disabled={flow.busy} onClick={() => void flow.fillNumber()}>
          {t.retryFill}
        </button>
      ) : (
        <button type="button" disabled={flow.busy} onClick={() => void flow.takeNumber()}>
          {t.takeNumber}
        </button>
      )}
    </div>
  );
}

function SealStep({ flow, tokens }: { flow: SigningFlow; tokens: Tokens }) {
  const date = flow.state.entry?.date;
  const allowed = sealAllowedOn(date, flow.today);
  return (
    <div>
      {allowed ? null : <p role="alert">{t.sealWrongDay(date ?? '')}</p>}
      <KeyPicker tokens={tokens} submitLabel={t.signSeal} busy={flow.busy} disabled={!allowed} onSign={flow.seal} />
    </div>
  );
}

function stepBody(id: StepId, flow: SigningFlow, tokens: Tokens, mayIssue: boolean, actor: string): ReactNode {
  if (id !== 'prepare' && id !== 'personal' && !mayIssue) {
    return (
      <p role="status">
        {flow.state.draftId !== null ? `${t.draftSaved} ` : ''}
        {t.clerkOnly}
      </p>
    );
  }
  switch (id) {
    case 'prepare':
      return <PrepareStep flow={flow} mayIssue={mayIssue} />;
    case 'personal':
      return <KeyPicker tokens={tokens} submitLabel={t.signPersonal} busy={flow.busy} onSign={flow.signPersonal} />;
    case 'number':
      return <NumberStep flow={flow} />;
    case 'seal':
      return <SealStep flow={flow} tokens={tokens} />;
    case 'attachments':
      return <AttachmentsStep flow={flow} tokens={tokens} />;
    case 'verify':
      return <VerifyStep flow={flow} mayIssue={mayIssue} actor={actor} />;
  }
}

type Mode = 'single' | 'batch';

/** One flow for one document, or the leader's "Ký duyệt nhiều văn bản" (several drafts, one PIN entry). */
function ModeSwitch({ mode, onMode }: { mode: Mode; onMode: (m: Mode) => void }) {
  const b = vi.signingBatch;
  return (
    <div role="group" aria-label={b.modeLabel} className="row">
      {(['single', 'batch'] as const).map((m) => (
        <button key={m} type="button" className={mode === m ? undefined : 'secondary'} aria-pressed={mode === m} onClick={() => onMode(m)}>
          {m === 'single' ? b.modeSingle : b.modeBatch}
        </button>
      ))}
    </div>
  );
}

export function SigningView({ account }: { account: SessionAccount }) {
  const tokens = useTokens();
  const flow = useSigningFlow(account.username, tokens.refresh);
  const [mode, setMode] = useState<Mode>('single');
  if (!mayUseSigning(account.role)) return <p role="alert">{t.noPermission}</p>;
  const statuses = stepStatuses(flow.state);
  const mayIssue = mayIssueRole(account.role);

  return (
    <section className="view signing-view" aria-labelledby="signing-title">
      <h1 id="signing-title">{VIEW_LABELS.signing}</h1>
      <p className="muted">{t.intro}</p>
      <ModeSwitch mode={mode} onMode={setMode} />
      {mode === 'batch' ? <PersonalBatchView actor={account.username} tokens={tokens} /> : null}
      {mode === 'single' && flow.warning ? (
        <p role="status" className="notice notice-warn" data-testid="revocation-warning">
          {flow.warning}
        </p>
      ) : null}
      {mode === 'single' && flow.error ? (
        <p role="alert" className="notice notice-error">
          {flow.error}
        </p>
      ) : null}
      {mode === 'single' ? (
        <div className="signing-grid">
          <ol className="signing-steps">
            {STEP_IDS.map((id, i) => (
              <li key={id} className={`step step-${statuses[id]}`} aria-current={statuses[id] === 'current' ? 'step' : undefined} data-testid={`step-${id}`}>
                <h2>
                  {t.stepLabel(i + 1, t.steps[id])} <small>({t.stepState[statuses[id]]})</small>
                </h2>
                {statuses[id] === 'current' || (id === 'verify' && flow.state.issued) ? stepBody(id, flow, tokens, mayIssue, account.username) : null}
              </li>
            ))}
          </ol>
          {flow.current ? <VerifiedPreview sha256={flow.current.sha256} /> : null}
        </div>
      ) : null}
    </section>
  );
}
