/**
 * Saving a registration (Art. 9.1, 9.4; Art. 10.5 for the legal receipt time): validate, compute the
 * receipt time from office hours and the holiday calendar, then C1's registerIncoming transaction (with the OCR
 * text of a scanned original when there is one, issue 9).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Rules } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { buildWorkCalendar } from '../../../shared/domain/calendar-rules';
import { legalReceiptTime, type ReceiptRule } from '../../../shared/domain/receipt-time';
import { isSecret } from '../../../shared/domain/urgency';
import { localIsoDate } from '../../../shared/util/time';
import { registerIncoming } from '../../db/registration';
import type { RegisterRow } from '../../db/records';
import { errorText, errorTextOf } from '../../i18n/messages';
import { vi } from '../../i18n/vi';
import { useAppStore, useDeps } from '../../stores/AppContext';
import { checkForm, type FieldIssues, type FormValues } from './form-state';
import type { IntakeFile } from './useFileIntake';

export interface Registered {
  number: number;
  year: number;
  legal: Date;
  rule: ReceiptRule;
  secret: boolean;
}

/** A failed Result becomes a thrown error carrying its code (shown through errorTextOf). */
function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw r.error;
  return r.value;
}

export type SaveOutcome = 'registered' | 'duplicate' | 'refused';

export function useRegistration(actor: string) {
  const { api, db, now, newId } = useDeps();
  const settings = useAppStore((s) => s.settings);
  const [rules, setRules] = useState<Rules | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<RegisterRow | null>(null);
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.invoke('rules.get', {}).then((r) => {
      if (!live) return;
      if (r.ok) setRules(r.value);
      else setAlert(errorText(r.error.code));
    });
    return () => {
      live = false;
    };
  }, [api]);

  const save = useCallback(
    async (values: FormValues, file: IntakeFile | null, confirmDuplicate: boolean, ocrText?: string): Promise<SaveOutcome> => {
      setAlert(null);
      const arrival = now();
      const checked = checkForm(values, localIsoDate(arrival));
      setIssues(checked.ok ? {} : checked.issues);
      if (file === null) setAlert(vi.registration.fileRequired);
      if (!checked.ok || file === null) return 'refused';
      setBusy(true);
      try {
        // Normally loaded already; fetched here when the view was quicker than the first answers.
        const office = settings ?? unwrap(await api.invoke('settings.get', {}));
        const calendarRules = rules ?? unwrap(await api.invoke('rules.get', {}));
        const receipt = legalReceiptTime(arrival, office.officeHours, buildWorkCalendar(calendarRules.holidays));
        const result = await registerIncoming(db, {
          form: checked.value,
          file: { sha256: file.sha256, size: file.size },
          arrivedAt: arrival,
          receipt,
          actor,
          confirmDuplicate,
          newId,
          // The OCR text of the scanned original (issue 9), stored beside it and searched with the register.
          ...(ocrText !== undefined && ocrText !== '' ? { ocrText } : {}),
        });
        if (result.kind === 'duplicate') {
          setDuplicate(result.existing);
          return 'duplicate';
        }
        setDuplicate(null);
        setRegistered({
          number: result.entry.number,
          year: result.entry.year,
          legal: receipt.legal,
          rule: receipt.rule,
          secret: isSecret(checked.value.confidentiality),
        });
        return 'registered';
      } catch (cause) {
        console.error('[registration] save failed', cause);
        setAlert(errorTextOf(cause));
        return 'refused';
      } finally {
        setBusy(false);
      }
    },
    [api, db, now, newId, actor, settings, rules],
  );

  return { issues, alert, duplicate, registered, busy, save, dismissDuplicate: () => setDuplicate(null) };
}
