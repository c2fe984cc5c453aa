/**
 * Dates and timestamps on the wire (standards.md §1.2, §1.6, §1.8): official and axis files write `yyyy/MM/dd`
 * and `yyyy/MM/dd HH:mm:ss` (Vietnam local time, no zone); `yyyy-MM-dd` and, from one integrator, `dd/MM/yyyy`
 * occur too. We read all three and always write the slash form.
 */
import { isRealDate, localParts } from '../../util/time';

const YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const STAMP = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

/** ISO `yyyy-MM-dd` from a wire date, or null when it is empty, unknown in form or not a real date. */
export function parseEdxmlDate(text: string): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  const m = YMD.exec(t);
  const d = m ? null : DMY.exec(t);
  const [y, mo, da] = m ? [m[1], m[2], m[3]] : d ? [d[3], d[2], d[1]] : [];
  if (y === undefined || mo === undefined || da === undefined) return null;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(da);
  return isRealDate(year, month, day) ? `${p4(year)}-${p2(month)}-${p2(day)}` : null;
}

/** Vietnam-local `yyyy-MM-ddTHH:mm:ss` from a wire timestamp (date alone gives 00:00:00), or null. */
export function parseEdxmlTimestamp(text: string): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  const m = STAMP.exec(t);
  if (!m) {
    const date = parseEdxmlDate(t);
    return date === null ? null : `${date}T00:00:00`;
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  return `${p4(year)}-${p2(month)}-${p2(day)}T${p2(hour)}:${p2(minute)}:${p2(second)}`;
}

/** The wire form `yyyy/MM/dd` of an ISO date. Throws RangeError on anything else. */
export function formatEdxmlDate(isoDate: string): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError(`Ngày không hợp lệ: ${String(isoDate)}.`);
  return `${m[1]}/${m[2]}/${m[3]}`;
}

/** The wire form `yyyy/MM/dd HH:mm:ss` of a Vietnam-local ISO timestamp. Throws RangeError on anything else. */
export function formatEdxmlTimestamp(localIso: string): string {
  const m = ISO_STAMP.exec(localIso);
  if (!m || parseEdxmlTimestamp(localIso) === null) throw new RangeError(`Thời điểm không hợp lệ: ${String(localIso)}.`);
  return `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
}

/** The Vietnam-local `yyyy-MM-ddTHH:mm:ss` of an instant (for TraceHeader and status Timestamp). */
export function edxmlLocalTimestamp(instant: Date): string {
  const p = localParts(instant);
  return `${p4(p.year)}-${p2(p.month)}-${p2(p.day)}T${p2(p.hour)}:${p2(p.minute)}:${p2(p.second)}`;
}
