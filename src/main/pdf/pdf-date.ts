/** PDF date strings (ISO 32000-1 §7.9.4). */

/** Turn "D:20260302090000+07'00'" into ISO 8601. */
export function pdfDateToIso(s: string | null): string | null {
  const m = s ? /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s) : null;
  if (!m) return null;
  const tz = m[7] === '+' || m[7] === '-' ? `${m[7]}${m[8] ?? '00'}:${m[9] ?? '00'}` : 'Z';
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${tz}`;
}
