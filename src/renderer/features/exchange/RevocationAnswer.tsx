/** A revocation request from the sender (Art. 9.5): accept (15, the entry is cancelled and kept) or refuse (16, reason). */
import { useState } from 'react';
import type { ExchangeIncomingRecord } from '../../db/exchange-records';
import { vi } from '../../i18n/vi';

const t = vi.exchange.incoming;

export function RevocationAnswer({ record, busy, onAnswer }: { record: ExchangeIncomingRecord; busy: boolean; onAnswer(code: '15' | '16', reason: string): void }) {
  const [reason, setReason] = useState('');
  const request = record.flow.revocation;
  if (!request) return null;
  return (
    <div className="notice notice-warn" role="group" aria-labelledby={`revocation-${record.id}`}>
      <h3 id={`revocation-${record.id}`}>{t.revocationTitle}</h3>
      <p>{t.revocationAsked(request.reason)}</p>
      <label htmlFor={`revocation-reason-${record.id}`}>{t.revocationRefuseReason}</label>
      <input id={`revocation-reason-${record.id}`} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
      <div className="row">
        <button type="button" disabled={busy} onClick={() => onAnswer('15', '')}>
          {t.revocationAccept}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => onAnswer('16', reason)}>
          {t.revocationRefuse}
        </button>
      </div>
    </div>
  );
}
