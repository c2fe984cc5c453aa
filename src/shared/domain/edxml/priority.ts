/**
 * `OtherInfo/Priority` ↔ độ khẩn. The Bkav DTO says "độ ưu tiên, lớn dần từ 0 đến 3"; the mapping 0 thường,
 * 1 khẩn, 2 thượng khẩn, 3 hỏa tốc is inferred (standards.md §1.2 item 1.11.1 [I]) and the value list is
 * unconfirmed (§7.1), so the mapping is a setting: pass another `PriorityMapping` when the axis says otherwise.
 */
import { URGENCIES, type Urgency } from '../urgency';

/** The wire value written for each urgency. Values must be distinct integers. */
export type PriorityMapping = Readonly<Record<Urgency, number>>;

/** standards.md §1.2 item 1.11.1 [I]: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc. */
export const DEFAULT_PRIORITY_MAPPING: PriorityMapping = Object.freeze({ thuong: 0, khan: 1, 'thuong-khan': 2, 'hoa-toc': 3 });

/** The wire value for an urgency. */
export function priorityFromUrgency(urgency: Urgency, mapping: PriorityMapping = DEFAULT_PRIORITY_MAPPING): number {
  const value = mapping[urgency];
  if (!Number.isInteger(value)) throw new RangeError(`Độ khẩn không hợp lệ: ${String(urgency)}.`);
  return value;
}

/**
 * The urgency for a wire value, or null when the mapping does not know it (the caller shows the raw value and
 * treats the document as not urgent only after the clerk looked at it).
 */
export function urgencyFromPriority(priority: number | null, mapping: PriorityMapping = DEFAULT_PRIORITY_MAPPING): Urgency | null {
  if (priority === null || !Number.isInteger(priority)) return null;
  return URGENCIES.find((u) => mapping[u] === priority) ?? null;
}

/** Whether a mapping is usable: one integer per urgency, all distinct. */
export function isValidPriorityMapping(mapping: unknown): mapping is PriorityMapping {
  if (typeof mapping !== 'object' || mapping === null) return false;
  const values = URGENCIES.map((u) => (mapping as Record<string, unknown>)[u]);
  return values.every((v) => Number.isInteger(v)) && new Set(values).size === URGENCIES.length;
}
