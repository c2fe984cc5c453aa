/**
 * Register numbers (số đến, số văn bản đi): Quy chế Art. 9.4 (unique within the unit's system); NĐ 30 Art. 15.1
 * and 22.2 (one series per register and calendar year, from 01 on 1 January to 31 December, paper and electronic
 * together); architecture.md: a number is never reused and a cancelled entry stays in the register, marked
 * cancelled. Phụ lục VI Phần I III: warn the clerk when the same số/ký hiệu from the same issuer is registered
 * again.
 */
import { DomainError } from './domain-error';
import { parseCodeNotation } from './code-notation';
import { foldVietnamese } from '../util/search-text';
import { localParts, toIso8601VN } from '../util/time';

export type RegisterEntryStatus = 'active' | 'cancelled';

/** The numbering year of an instant: its calendar year in Vietnam time (00:00 on 1 January, UTC+7, starts a new series). */
export function registerYear(at: Date): number {
  return localParts(at).year;
}

/**
 * The number after the highest one used so far in this register and year; 1 when none is used yet. Numbers are
 * never reused, so the caller passes the highest number ever given (cancelled entries included).
 */
export function nextRegisterNumber(highestUsed: number | undefined): number {
  if (highestUsed === undefined) return 1;
  if (!Number.isSafeInteger(highestUsed) || highestUsed < 0) {
    throw new DomainError('INVALID_NUMBER', `Số lớn nhất đã dùng không hợp lệ: ${String(highestUsed)}.`, { highestUsed });
  }
  return highestUsed + 1;
}

/** Who cancelled, when and why. `at` is stored as ISO 8601 with the Vietnam offset. */
export interface Cancellation {
  reason: string;
  at: Date;
  actor: string;
}

export type CancelledEntry<T> = Omit<T, 'status'> & {
  status: 'cancelled';
  cancelledAt: string;
  cancelReason: string;
  cancelledBy: string;
};

/** Longest cancellation reason kept (same bound as a register note). */
export const MAX_CANCEL_REASON_LENGTH = 500;

/**
 * A copy of `entry` marked cancelled, keeping its number (it stays visible in the register and is never given
 * again). Throws DomainError ALREADY_CANCELLED, or REASON_REQUIRED when the reason or actor is empty (or the
 * reason is too long); the input is never modified.
 */
export function cancelEntry<T extends { status: RegisterEntryStatus; number: number }>(
  entry: T,
  cancellation: Cancellation,
): CancelledEntry<T> {
  if (entry.status === 'cancelled') {
    throw new DomainError('ALREADY_CANCELLED', `Số ${entry.number} đã bị hủy trước đó.`, { number: entry.number });
  }
  const reason = typeof cancellation.reason === 'string' ? cancellation.reason.normalize('NFC').trim() : '';
  if (reason === '' || reason.length > MAX_CANCEL_REASON_LENGTH) {
    throw new DomainError('REASON_REQUIRED', `Cần ghi lý do hủy (1–${MAX_CANCEL_REASON_LENGTH} ký tự).`);
  }
  const actor = typeof cancellation.actor === 'string' ? cancellation.actor.trim() : '';
  if (actor === '') throw new DomainError('REASON_REQUIRED', 'Cần ghi người hủy.');
  return {
    ...entry,
    status: 'cancelled',
    number: entry.number,
    cancelledAt: toIso8601VN(cancellation.at),
    cancelReason: reason,
    cancelledBy: actor,
  };
}

/** The key two registrations are compared on: canonical số/ký hiệu (leading zero, no "Số:"), folded. */
export function codeNotationKey(codeNotation: string): string {
  const parsed = parseCodeNotation(codeNotation);
  const text = parsed ? parsed.canonical : codeNotation;
  return foldVietnamese(text).replace(/\s+/g, '');
}

/** The issuer folded for comparison: case, diacritics and spacing ignored. */
export function issuerKey(issuer: string): string {
  return foldVietnamese(issuer);
}

export interface RegistrationKey {
  codeNotation: string;
  issuer: string;
  /** 'yyyy-MM-dd'. When both sides have it, only the same year counts (numbers restart each year). */
  documentDate?: string;
}

/**
 * The id of an existing registration with the same số/ký hiệu from the same issuer, or null. '5/BNV-VP' and
 * '05/BNV-VP', 'QĐ' and 'qđ', "UBND tỉnh Lai Châu" and "ubnd tinh lai chau" all match. Entries with an empty
 * code or issuer never match.
 */
export function findDuplicateRegistration(
  candidate: RegistrationKey,
  existing: Iterable<RegistrationKey & { id: string }>,
): string | null {
  const code = codeNotationKey(candidate.codeNotation);
  const issuer = issuerKey(candidate.issuer);
  if (code === '' || issuer === '') return null;
  const year = candidate.documentDate?.slice(0, 4);
  for (const other of existing) {
    if (codeNotationKey(other.codeNotation) !== code || issuerKey(other.issuer) !== issuer) continue;
    const otherYear = other.documentDate?.slice(0, 4);
    if (year !== undefined && otherYear !== undefined && year !== otherYear) continue;
    return other.id;
  }
  return null;
}
