/**
 * Step 6: self-verification of the sealed document and of every signed attachment; "Phát hành" stays disabled
 * while anything blocks it (issueBlockers). Types that Art. 8.3 also sends on paper get the Art. 11.1đ print of
 * the personally signed version.
 */
import { useEffect, useRef, useState } from 'react';
import { deliveryChannelOf, type ChannelRules } from '../../../../shared/domain/delivery-channel';
import { VERDICT_LABELS, vi } from '../../../i18n/vi';
import { useDeps } from '../../../stores/AppContext';
import { issueBlockers } from '../flow-state';
import { usePaperPrint } from '../usePaperPrint';
import type { SigningFlow } from '../useSigningFlow';

const t = vi.signing;

/** Art. 11.1đ: the personally signed version for the paper copy, and the clerk's confirmation that it was printed. */
function PaperPrintBox({ flow, actor }: { flow: SigningFlow; actor: string }) {
  const print = usePaperPrint(flow, actor);
  return (
    <div className="notice notice-warn paper-print" data-testid="paper-print">
      <p>{t.paperToo}</p>
      <div className="row">
        <button type="button" className="secondary" disabled={print.busy} onClick={() => void print.fetch()}>
          {t.printPersonal}
        </button>
        {print.url ? (
          <a href={print.url} download={print.fileName} target="_blank" rel="noopener">
            {t.openPrint(print.fileName)}
          </a>
        ) : null}
      </div>
      {print.error ? <p role="alert">{print.error}</p> : null}
      {print.printed ? (
        <p role="status">{t.paperPrinted}</p>
      ) : (
        <button type="button" disabled={print.busy || print.url === null || flow.state.entry === null} onClick={() => void print.confirm()}>
          {t.confirmPrinted}
        </button>
      )}
    </div>
  );
}

export function VerifyStep({ flow, mayIssue, actor }: { flow: SigningFlow; mayIssue: boolean; actor: string }) {
  const { api } = useDeps();
  const { state } = flow;
  const blockers = issueBlockers(state);
  const [rules, setRules] = useState<ChannelRules | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('rules.get', {}).then((r) => {
      if (live && r.ok) setRules(r.value.channels);
    });
    return () => {
      live = false;
    };
  }, [api]);
  const paperToo = rules ? deliveryChannelOf(state.form.typeId, rules) === 'electronic-and-paper' : false;
  // Self-verification starts by itself when the step opens (and after a change made it stale).
  const verify = useRef(flow.selfVerify);
  verify.current = flow.selfVerify;
  const needsCheck = state.sealed !== null && state.verdicts === null && !flow.busy && flow.error === null;
  useEffect(() => {
    if (needsCheck) void verify.current();
  }, [needsCheck]);

  return (
    <div className="verify-step">
      <p className="muted">{t.verifyIntro}</p>
      {state.verdicts ? (
        <p data-testid="self-verdict">
          <strong>{VERDICT_LABELS[state.verdicts.main]}</strong>
        </p>
      ) : null}
      {paperToo ? <PaperPrintBox flow={flow} actor={actor} /> : null}
      {state.issued ? null : (
        <ul className="blockers">
          {blockers.map((b) => (
            <li key={b}>{t.blockers[b]}</li>
          ))}
        </ul>
      )}
      {state.issued && state.entry ? <p role="status" className="notice notice-ok">{t.issued(state.entry.codeNotation)}</p> : null}
      {state.issued ? (
        <button type="button" onClick={() => flow.dispatch({ type: 'reset' })}>
          {t.newDocument}
        </button>
      ) : (
        <button type="button" disabled={!mayIssue || blockers.length > 0 || flow.busy} onClick={() => void flow.issue()}>
          {t.issue}
        </button>
      )}
    </div>
  );
}
