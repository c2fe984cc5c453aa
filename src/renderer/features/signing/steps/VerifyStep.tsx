/**
 * Step 6: self-verification of the sealed document and of every signed attachment; "Phát hành" stays disabled
 * while anything blocks it (issueBlockers). Types that Art. 8.3 also sends on paper get the Art. 11.1đ reminder.
 */
import { useEffect, useRef, useState } from 'react';
import { deliveryChannelOf, type ChannelRules } from '../../../../shared/domain/delivery-channel';
import { VERDICT_LABELS, vi } from '../../../i18n/vi';
import { useDeps } from '../../../stores/AppContext';
import { issueBlockers } from '../flow-state';
import type { SigningFlow } from '../useSigningFlow';

const t = vi.signing;

export function VerifyStep({ flow, mayIssue }: { flow: SigningFlow; mayIssue: boolean }) {
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
      {paperToo ? <p className="notice notice-warn">{t.paperToo}</p> : null}
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
