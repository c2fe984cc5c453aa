/**
 * The clerk's decisions on a received document (issue 8; Quy chế Art. 9.1, 9.2, 9.4, 9.5, 10.5): register it from
 * the pre-filled form (legal receipt time from when the package entered the software, by the office-hours rule),
 * return it with 02 and a reason, or answer a revocation request (15/16). Each is committed in Dexie first, then
 * the sync pass tells main (useSyncNow).
 */
import { useCallback, useState } from 'react';
import type { Result } from '../../../shared/api/result';
import { buildWorkCalendar } from '../../../shared/domain/calendar-rules';
import { legalReceiptTime } from '../../../shared/domain/receipt-time';
import { localIsoDate } from '../../../shared/util/time';
import { answerRevocation, registerExchangeIncoming, returnExchangeIncoming } from '../../db/exchange-incoming';
import type { ExchangeIncomingRecord } from '../../db/exchange-records';
import type { RegisterRow } from '../../db/records';
import { errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { checkForm, type FieldIssues, type FormValues } from '../registration/form-state';
import { mainPdfOf } from './exchange-form';
import { useSyncNow } from './useExchangeSync';

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}

export type DecisionOutcome = { kind: 'registered'; number: number } | { kind: 'returned' } | { kind: 'answered'; code: '15' | '16' };

export function useExchangeDecisions(actor: string) {
  const { api, db, now, newId } = useDeps();
  const settings = useAppStore((s) => s.settings);
  const syncNow = useSyncNow();
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<RegisterRow | null>(null);
  const [busy, setBusy] = useState(false);

  const guarded = useCallback(async <T,>(work: () => Promise<T>): Promise<T | null> => {
    setAlert(null);
    setBusy(true);
    try {
      return await work();
    } catch (cause) {
      console.error('[exchange] decision failed', cause);
      setAlert(errorTextOf(cause));
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  const register = useCallback(
    async (record: ExchangeIncomingRecord, values: FormValues, confirmDuplicate: boolean): Promise<DecisionOutcome | null> => {
      const checked = checkForm(values, localIsoDate(now()));
      setIssues(checked.ok ? {} : checked.issues);
      const file = mainPdfOf(record.flow);
      if (file === null) setAlert(vi.exchange.incoming.noPdf);
      if (!checked.ok || file === null) return null;
      return guarded(async () => {
        const office = settings ?? unwrap(await api.invoke('settings.get', {}));
        const rules = unwrap(await api.invoke('rules.get', {}));
        // Art. 10.5: the legal receipt time counts from when the package entered the software, not from now.
        const arrivedAt = new Date(record.receivedAt);
        const receipt = legalReceiptTime(arrivedAt, office.officeHours, buildWorkCalendar(rules.holidays));
        const outcome = await registerExchangeIncoming(
          db,
          record.id,
          { form: checked.value, file: { sha256: file.sha256, size: file.size }, arrivedAt, receipt, actor, confirmDuplicate, newId },
          now().getTime(),
        );
        if (outcome.kind === 'duplicate') {
          setDuplicate(outcome.existing);
          return null;
        }
        setDuplicate(null);
        void syncNow();
        return { kind: 'registered', number: outcome.entry.number } as const;
      });
    },
    [api, db, now, newId, actor, settings, guarded, syncNow],
  );

  const giveBack = useCallback(
    (record: ExchangeIncomingRecord, reason: string): Promise<DecisionOutcome | null> => {
      if (reason.trim() === '') {
        setAlert(vi.exchange.incoming.reasonRequired);
        return Promise.resolve(null);
      }
      return guarded(async () => {
        await returnExchangeIncoming(db, { id: record.id, reason, actor, at: now().getTime() });
        void syncNow();
        return { kind: 'returned' } as const;
      });
    },
    [db, actor, now, guarded, syncNow],
  );

  const answer = useCallback(
    (record: ExchangeIncomingRecord, code: '15' | '16', reason: string): Promise<DecisionOutcome | null> => {
      if (code === '16' && reason.trim() === '') {
        setAlert(vi.exchange.incoming.reasonRequired);
        return Promise.resolve(null);
      }
      return guarded(async () => {
        await answerRevocation(db, { id: record.id, code, ...(reason.trim() ? { reason } : {}), actor, at: now().getTime() }, vi.exchange.incoming.revokedCancelReason);
        void syncNow();
        return { kind: 'answered', code } as const;
      });
    },
    [db, actor, now, guarded, syncNow],
  );

  return { issues, alert, duplicate, busy, register, giveBack, answer, dismissDuplicate: () => setDuplicate(null) };
}
