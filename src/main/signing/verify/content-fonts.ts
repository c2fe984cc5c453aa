/**
 * Glyph widths and Unicode text of a font dictionary (ISO 32000-1 §9.6–9.10), enough to place glyph boxes and to
 * say in a verdict which words an overlay hides: simple fonts (/FirstChar, /Widths, one byte per code) and
 * composite Type0 fonts (/DescendantFonts /W and /DW, two-byte codes), with /ToUnicode bfchar/bfrange mappings.
 */
import { PdfLexer, isName, isStream, isString, type PdfDict, type PdfValue } from '../../pdf/parse/pdf-lexer';
import { decodeStream } from '../../pdf/parse/pdf-revisions';
import { rethrowLimit } from '../../pdf/parse/pdf-limits';
import type { RevisionView } from '../../pdf/parse/revision-view';

export interface Glyph { width: number; text: string; isSpace: boolean }
export interface FontMetrics { decode(bytes: Uint8Array): Glyph[] }

const MAX_CMAP_ENTRIES = 70_000;

function utf16(bytes: Uint8Array): string {
  const b = Buffer.from(bytes);
  return b.length % 2 === 0 ? Buffer.from(b).swap16().toString('utf16le') : b.toString('latin1');
}

/** code → Unicode from a /ToUnicode CMap stream. */
function toUnicode(view: RevisionView, v: PdfValue | undefined): Map<number, string> {
  const map = new Map<number, string>();
  const s = view.resolve(v);
  if (!isStream(s)) return map;
  let data: Uint8Array;
  try { data = decodeStream(view.pdf.bytes, s); } catch (err) { rethrowLimit(err); return map; }
  const lx = new PdfLexer(data, 0);
  const hexNum = (x: PdfValue): number | null => (isString(x) ? x.bytes.reduce((acc, b) => acc * 256 + b, 0) : null);
  let mode: 'char' | 'range' | null = null;
  const pending: PdfValue[] = [];
  while (lx.pos < data.length && map.size < MAX_CMAP_ENTRIES) {
    lx.skipWs();
    const c = data[lx.pos];
    if (c === undefined) break;
    if (c === 0x3c || c === 0x5b || c === 0x28 || c === 0x2f || (c >= 0x30 && c <= 0x39)) {
      try { pending.push(lx.value()); } catch { break; }
      if (mode === 'char' && pending.length === 2) {
        const [src, dst] = pending.splice(0);
        const code = hexNum(src ?? null);
        if (code !== null && isString(dst)) map.set(code, utf16(dst.bytes));
      } else if (mode === 'range' && pending.length === 3) {
        const [lo, hi, dst] = pending.splice(0);
        const a = hexNum(lo ?? null);
        const z = hexNum(hi ?? null);
        if (a === null || z === null || z < a || z - a > MAX_CMAP_ENTRIES) continue;
        for (let code = a; code <= z; code += 1) {
          if (Array.isArray(dst)) { const d = dst[code - a]; if (isString(d)) map.set(code, utf16(d.bytes)); }
          else if (isString(dst) && dst.bytes.length >= 2) {
            const base = Buffer.from(dst.bytes);
            const last = base.readUInt16BE(base.length - 2) + (code - a);
            const out = Buffer.from(base);
            out.writeUInt16BE(last & 0xffff, base.length - 2);
            map.set(code, utf16(out));
          }
        }
      } else if (mode === null) pending.length = 0;
      continue;
    }
    const tok = lx.token();
    if (tok === '') { lx.pos += 1; continue; }
    if (tok === 'beginbfchar') mode = 'char';
    else if (tok === 'beginbfrange') mode = 'range';
    else if (tok === 'endbfchar' || tok === 'endbfrange') mode = null;
    pending.length = 0;
  }
  return map;
}

function numberArray(view: RevisionView, v: PdfValue | undefined): number[] {
  const a = view.resolve(v);
  return Array.isArray(a) ? a.map((x) => { const r = view.resolve(x); return typeof r === 'number' ? r : 0; }) : [];
}

function simpleFont(view: RevisionView, d: PdfDict, unicode: Map<number, string>): FontMetrics {
  const first = view.resolve(d.map.get('FirstChar'));
  const widths = numberArray(view, d.map.get('Widths'));
  const missing = view.resolve(view.dict(d.map.get('FontDescriptor'))?.map.get('MissingWidth'));
  const fallback = typeof missing === 'number' && missing > 0 ? missing : 500;
  const f0 = typeof first === 'number' ? first : 0;
  return {
    decode: (bytes) => Array.from(bytes, (code) => ({
      width: widths[code - f0] ?? fallback,
      text: unicode.get(code) ?? String.fromCharCode(code),
      isSpace: code === 32,
    })),
  };
}

function compositeFont(view: RevisionView, d: PdfDict, unicode: Map<number, string>): FontMetrics {
  const descendants = view.resolve(d.map.get('DescendantFonts'));
  const cid = Array.isArray(descendants) ? view.dict(descendants[0]) : null;
  const dwV = view.resolve(cid?.map.get('DW'));
  const dw = typeof dwV === 'number' ? dwV : 1000;
  const widths = new Map<number, number>();
  const w = view.resolve(cid?.map.get('W'));
  if (Array.isArray(w)) {
    for (let i = 0; i < w.length && widths.size < MAX_CMAP_ENTRIES; ) {
      const a = view.resolve(w[i]);
      const b = view.resolve(w[i + 1]);
      if (typeof a !== 'number') break;
      if (Array.isArray(b)) { b.forEach((x, k) => { const r = view.resolve(x); if (typeof r === 'number') widths.set(a + k, r); }); i += 2; }
      else {
        const c = view.resolve(w[i + 2]);
        if (typeof b !== 'number' || typeof c !== 'number' || b < a || b - a > MAX_CMAP_ENTRIES) break;
        for (let k = a; k <= b; k += 1) widths.set(k, c);
        i += 3;
      }
    }
  }
  return {
    decode: (bytes) => {
      const out: Glyph[] = [];
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        const code = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
        const text = unicode.get(code) ?? '';
        out.push({ width: widths.get(code) ?? dw, text, isSpace: text === ' ' });
      }
      return out;
    },
  };
}

/** Metrics of the font referenced by `ref`, or null when it is not a font dictionary. */
export function fontOf(view: RevisionView, ref: PdfValue | undefined): FontMetrics | null {
  const d = view.dict(ref);
  if (!d) return null;
  const unicode = toUnicode(view, d.map.get('ToUnicode'));
  return isName(d.map.get('Subtype'), 'Type0') ? compositeFont(view, d, unicode) : simpleFont(view, d, unicode);
}
