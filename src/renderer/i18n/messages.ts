/** Turning codes and rules into Vietnamese sentences (house rule 6): the only place that reads the maps in vi.ts. */
import type { AppErrorCode } from '../../shared/api/result';
import type { DayOffReason } from '../../shared/domain/calendar-rules';
import type { ReceiptRule } from '../../shared/domain/receipt-time';
import { formatDateVN } from '../../shared/util/time';
import { DOMAIN_ERROR_MESSAGES, ERROR_MESSAGES, FORM_ISSUE_MESSAGES, RECEIPT_RULE_MESSAGES, vi } from './vi';

/** The message for an error code from main or a local check; never the raw developer message. */
export function errorText(code: AppErrorCode): string {
  return ERROR_MESSAGES[code] ?? ERROR_MESSAGES.INTERNAL;
}

/** "<field label>: <what is wrong>", e.g. "Trích yếu: không được để trống." */
export function issueText(fieldLabel: string, code: string): string {
  const text = (FORM_ISSUE_MESSAGES as Record<string, string>)[code] ?? FORM_ISSUE_MESSAGES.invalid;
  return `${fieldLabel}: ${text}`;
}

function dayOffReasonText(reason: DayOffReason): string {
  return reason.kind === 'weekend' ? vi.registration.weekend : reason.name;
}

/** Why the legal receipt time was chosen (Art. 10.5), with the day-off detail when there is one. */
export function receiptRuleText(rule: ReceiptRule): string {
  const base = RECEIPT_RULE_MESSAGES[rule.kind];
  if (rule.kind !== 'day-off') return base;
  return `${base} ${vi.registration.dayOffDetail(dayOffReasonText(rule.reason), formatDateVN(rule.nextWorkingDay))}`;
}

/** The Vietnamese message for anything thrown by the data layer or a failed Result: its code, or INTERNAL. */
export function errorTextOf(cause: unknown): string {
  if (typeof cause === 'object' && cause !== null && 'code' in cause) {
    const code = (cause as { code: unknown }).code;
    if (typeof code === 'string' && code in ERROR_MESSAGES) return errorText(code as AppErrorCode);
    if (typeof code === 'string' && code in DOMAIN_ERROR_MESSAGES) return DOMAIN_ERROR_MESSAGES[code] as string;
  }
  return errorText('INTERNAL');
}
