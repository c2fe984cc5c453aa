/**
 * One document received through the axis (issue 8; Quy chế Art. 9.2, 9.5): its verdict with the reasons, the
 * registration form filled from the edXML header (Enter registers), "Trả lại" with a reason (02), and the answer
 * to a revocation request (15/16).
 */
import { useEffect, useRef, useState } from 'react';
import { formatDateTimeVN } from '../../../shared/util/time';
import type { ExchangeIncomingRecord } from '../../db/exchange-records';
import { EXCHANGE_VERDICT_LABELS } from '../../i18n/vi-exchange';
import { vi } from '../../i18n/vi';
import { IncomingForm } from '../registration/IncomingForm';
import { DuplicateDialog } from '../registration/DuplicateDialog';
import type { FormValues } from '../registration/form-state';
import { VerifiedPreview } from '../verification/VerifiedPreview';
import { formFromFlow, mainPdfOf } from './exchange-form';
import { RevocationAnswer } from './RevocationAnswer';
import { VersionHistory } from './VersionHistory';
import type { DecisionOutcome } from './useExchangeDecisions';
import { useExchangeDecisions } from './useExchangeDecisions';

const t = vi.exchange.incoming;

const VERDICT_CLASS = { valid: 'verdict-ok', unsigned: 'verdict-warn', unknown: 'verdict-warn', pending: 'muted', invalid: 'verdict-bad', refused: 'verdict-bad' } as const;

export interface ExchangeIncomingDetailProps {
  record: ExchangeIncomingRecord;
  actor: string;
  onDone(outcome: DecisionOutcome): void;
  onBack(): void;
}

export function ExchangeIncomingDetail({ record, actor, onDone, onBack }: ExchangeIncomingDetailProps) {
  const decisions = useExchangeDecisions(actor);
  const [values, setValues] = useState<FormValues>(() => formFromFlow(record.flow));
  const flow = record.flow;
  const [reason, setReason] = useState(() => (flow.verdict === 'invalid' ? flow.reasons.join('; ').slice(0, 2000) : ''));
  const firstField = useRef<HTMLSelectElement>(null);
  const waiting = record.state === 'waiting';
  const pdf = mainPdfOf(flow);
  const mayRegister = waiting && pdf !== null && (flow.verdict === 'valid' || flow.verdict === 'unknown' || flow.verdict === 'unsigned');
  const revocationPending = flow.revocation !== null && flow.revocation.answer === null && record.revocationAnswer === undefined;

  useEffect(() => {
    if (mayRegister) firstField.current?.focus();
  }, [mayRegister]);

  const finish = (outcome: DecisionOutcome | null) => {
    if (outcome) onDone(outcome);
  };

  return (
    <section className="exchange-detail" aria-labelledby="exchange-detail-title">
      <div className="view-head">
        <h2 id="exchange-detail-title">{t.formTitle}</h2>
        <button type="button" onClick={onBack}>
          {t.back}
        </button>
      </div>
      <p>
        {t.from}: <strong>{flow.fromName ?? flow.from}</strong> ({flow.from}) · {t.received}: {formatDateTimeVN(new Date(flow.receivedAt))}
      </p>
      <p role="status" className={VERDICT_CLASS[flow.verdict]}>
        {t.verdict}: {EXCHANGE_VERDICT_LABELS[flow.verdict]}
      </p>
      {flow.reasons.length > 0 ? (
        <div className="notice notice-warn">
          <p>{t.reasons}:</p>
          <ul>
            {flow.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {flow.verdict === 'invalid' ? <p className="notice notice-error">{t.invalidHint}</p> : null}
      {flow.verdict === 'unknown' ? <p className="notice notice-warn">{t.unknownHint}</p> : null}
      {record.duplicateIds.length > 0 ? <p className="notice notice-warn">{t.duplicate(record.duplicateIds.length)}</p> : null}
      {flow.replaces !== null ? <p className="notice notice-warn">{t.earlierVersion}</p> : null}
      <VersionHistory record={record} />
      {waiting && pdf === null ? <p className="notice notice-error">{t.noPdf}</p> : null}
      {decisions.alert ? (
        <p role="alert" className="notice notice-error">
          {decisions.alert}
        </p>
      ) : null}
      {revocationPending ? <RevocationAnswer record={record} busy={decisions.busy} onAnswer={(code, why) => void decisions.answer(record, code, why).then(finish)} /> : null}
      <div className="registration-grid">
        <div>{pdf ? <VerifiedPreview sha256={pdf.sha256} /> : null}</div>
        <div>
          {mayRegister ? (
            <>
              <p className="muted">{t.prefilled}</p>
              <IncomingForm
                values={values}
                issues={decisions.issues}
                busy={decisions.busy}
                firstFieldRef={firstField}
                onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
                onSubmit={() => void decisions.register(record, values, false).then(finish)}
              />
            </>
          ) : null}
          {waiting && flow.verdict !== 'pending' ? (
            <form
              className="exchange-return"
              onSubmit={(e) => {
                e.preventDefault();
                void decisions.giveBack(record, reason).then(finish);
              }}
            >
              <label htmlFor="exchange-return-reason">{t.returnReason}</label>
              <textarea id="exchange-return-reason" value={reason} maxLength={2000} rows={3} onChange={(e) => setReason(e.target.value)} />
              <button type="submit" className="secondary" disabled={decisions.busy}>
                {t.returnButton}
              </button>
            </form>
          ) : null}
        </div>
      </div>
      {decisions.duplicate ? (
        <DuplicateDialog
          existing={decisions.duplicate}
          onBack={decisions.dismissDuplicate}
          onConfirm={() => void decisions.register(record, values, true).then(finish)}
        />
      ) : null}
    </section>
  );
}
