/**
 * Urgency (độ khẩn) and secrecy (độ mật) marks: NĐ 30 Phụ lục I Phần I III.2 (HỎA TỐC, THƯỢNG KHẨN, KHẨN;
 * TUYỆT MẬT, TỐI MẬT, MẬT); Quy chế Art. 9.3 and 10.1 (urgent documents are presented the same day / at once);
 * Quy chế Art. 1.2 (documents classified as state secrets never go through the electronic system).
 * Labels shown to the clerk live in the renderer's i18n, not here.
 */
import { z } from 'zod';

/** Lowest to highest. 'thuong' means no urgency mark. */
export const URGENCIES = ['thuong', 'khan', 'thuong-khan', 'hoa-toc'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const UrgencySchema = z.enum(URGENCIES);

/** 0 (thường) … 3 (hỏa tốc); higher is more urgent. */
export function urgencyRank(u: Urgency): number {
  const rank = URGENCIES.indexOf(u);
  if (rank < 0) throw new RangeError(`Độ khẩn không hợp lệ: ${String(u)}.`);
  return rank;
}

/**
 * Khẩn and above: received and presented to the leader the same day or at once (Quy chế Art. 9.3, 10.1;
 * NĐ 30 Art. 23.1).
 */
export function isUrgent(u: Urgency): boolean {
  return urgencyRank(u) >= urgencyRank('khan');
}

/** Orders documents most urgent first (for sort callbacks). */
export function compareUrgencyDesc(a: Urgency, b: Urgency): number {
  return urgencyRank(b) - urgencyRank(a);
}

/** Lowest to highest. 'thuong' means not classified. */
export const CONFIDENTIALITIES = ['thuong', 'mat', 'toi-mat', 'tuyet-mat'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const ConfidentialitySchema = z.enum(CONFIDENTIALITIES);

/** Whether the document carries a Mật / Tối mật / Tuyệt mật mark (state secret). */
export function isSecret(c: Confidentiality): boolean {
  if (!(CONFIDENTIALITIES as readonly string[]).includes(c)) throw new RangeError(`Độ mật không hợp lệ: ${String(c)}.`);
  return c !== 'thuong';
}

export type ElectronicSendingCheck = { allowed: true } | { allowed: false; reason: 'SECRET_DOCUMENT' };

/**
 * Whether a document may be queued for electronic sending. Quy chế Art. 1.2: a document classified as a state
 * secret is out of the system's scope and can never be sent electronically, whatever else is true of it.
 * Fails closed: only an explicit 'thuong' is allowed, so a missing or unknown mark is refused too.
 */
export function checkElectronicSending(doc: { confidentiality: Confidentiality }): ElectronicSendingCheck {
  return doc?.confidentiality === 'thuong' ? { allowed: true } : { allowed: false, reason: 'SECRET_DOCUMENT' };
}
