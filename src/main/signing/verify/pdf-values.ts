/**
 * Helpers over parsed PDF values for the revision analysis: structural equality (streams by dictionary and raw
 * bytes), the object numbers a value references, and short descriptions of objects for verdict texts.
 */
import { decodeTextString, isDict, isName, isRef, isStream, isString, type PdfDict, type PdfValue } from '../../pdf/parse/pdf-lexer';

/** Deep equality of two parsed values; `bytes` resolves stream data. */
export function sameValue(a: PdfValue, b: PdfValue, bytes: Uint8Array): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i] ?? null, bytes));
  }
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'name': return isName(b, a.name);
    case 'ref': return isRef(b) && a.num === b.num && a.gen === b.gen;
    case 'string': return isString(b) && Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
    case 'dict': return isDict(b) && sameDict(a, b, bytes);
    case 'stream': {
      if (!isStream(b)) return false;
      const da = Buffer.from(bytes.subarray(a.dataStart, a.dataEnd));
      const db = Buffer.from(bytes.subarray(b.dataStart, b.dataEnd));
      return da.equals(db) && sameDict(a.dict, b.dict, bytes, ['Length']);
    }
    default: return false;
  }
}

function sameDict(a: PdfDict, b: PdfDict, bytes: Uint8Array, ignore: string[] = []): boolean {
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  for (const k of keys) {
    if (ignore.includes(k)) continue;
    if (!sameValue(a.map.get(k) ?? null, b.map.get(k) ?? null, bytes)) return false;
  }
  return true;
}

/** Whether two values are streams with the same raw data (their dictionaries are compared by the caller). */
export function sameStreamData(a: PdfValue, b: PdfValue, bytes: Uint8Array): boolean {
  return isStream(a) && isStream(b) && Buffer.from(bytes.subarray(a.dataStart, a.dataEnd)).equals(Buffer.from(bytes.subarray(b.dataStart, b.dataEnd)));
}

/** Keys whose values differ between two dictionaries. */
export function changedKeys(a: PdfDict, b: PdfDict, bytes: Uint8Array): string[] {
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  return [...keys].filter((k) => !sameValue(a.map.get(k) ?? null, b.map.get(k) ?? null, bytes));
}

/** Every object number referenced inside a value (not following the references). */
export function referencedNumbers(v: PdfValue, out: Set<number>): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) { for (const x of v) referencedNumbers(x, out); return; }
  if (v.kind === 'ref') out.add(v.num);
  else if (v.kind === 'dict') for (const x of v.map.values()) referencedNumbers(x, out);
  else if (v.kind === 'stream') for (const x of v.dict.map.values()) referencedNumbers(x, out);
}

/** The dictionary of a dict or stream value. */
export function dictOf(v: PdfValue | undefined): PdfDict | null {
  if (isDict(v)) return v;
  if (isStream(v)) return v.dict;
  return null;
}

/** "trang", "trường", or the /Type and /Subtype of an object, for messages. */
export function describe(v: PdfValue): string {
  const d = dictOf(v);
  if (!d) return Array.isArray(v) ? 'mảng' : typeof v;
  const type = d.map.get('Type');
  const sub = d.map.get('Subtype');
  const parts = [isName(type) ? type.name : '', isName(sub) ? sub.name : ''].filter(Boolean);
  if (isStream(v) && parts.length === 0) parts.push('luồng nội dung');
  return parts.join('/') || 'từ điển';
}

/** Text of a field value, for "what changed" lines. */
export function valueText(v: PdfValue | undefined): string {
  if (isString(v)) return decodeTextString(v);
  if (isName(v)) return v.name;
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? '…' : String(v);
}
