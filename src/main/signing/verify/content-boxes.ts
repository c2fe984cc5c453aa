/**
 * Where a page draws its text and images (ISO 32000-1 §8–9, simplified): a small content-stream interpreter that
 * tracks the CTM (cm, q, Q), the text matrices (BT, Tm, Td, TD, T*, TL, Tf, Tc, Tw, Tz) and the glyph widths of
 * simple and composite fonts, and records one box per glyph (with its Unicode text from /ToUnicode where there is
 * one) and one box per image (Do of an image XObject, inline images), following form XObjects. It is what the
 * overlay rule of the verifier needs (overlay-rule.ts: a later appearance must not hide signed content), not a
 * renderer: clipping, paths and exact glyph outlines are ignored. Work is bounded (operators, nesting, bytes).
 */
import { PdfLexer, isDict, isName, isRef, isStream, isString, type PdfDict, type PdfValue } from '../../pdf/parse/pdf-lexer';
import { decodeStream } from '../../pdf/parse/pdf-revisions';
import { budgetFor, rethrowLimit } from '../../pdf/parse/pdf-limits';
import type { RevisionView } from '../../pdf/parse/revision-view';
import { fontOf, type FontMetrics } from './content-fonts';

export type Box = [number, number, number, number];
export interface DrawnItem { kind: 'glyph' | 'image'; box: Box; text: string }

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const MAX_OPERATORS = 400_000;
const MAX_DEPTH = 8;

function mul(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

/** The axis-aligned box of the rectangle (x0,y0)-(x1,y1) mapped by `m`. */
function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const pts = [[x0, y0], [x1, y0], [x0, y1], [x1, y1]].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function asMatrix(v: PdfValue): Matrix | null {
  if (!Array.isArray(v) || v.length !== 6 || v.some((x) => typeof x !== 'number')) return null;
  return v as Matrix;
}

interface GState { ctm: Matrix }
interface TextState { font: FontMetrics | null; size: number; charSpace: number; wordSpace: number; scale: number; leading: number; tm: Matrix; tlm: Matrix }

class Interpreter {
  readonly items: DrawnItem[] = [];
  private operators = 0;
  private readonly view: RevisionView;
  private readonly fonts = new Map<string, FontMetrics | null>();

  constructor(view: RevisionView) {
    this.view = view;
  }

  private font(resources: PdfDict | null, name: string): FontMetrics | null {
    const ref = this.view.dict(resources?.map.get('Font'))?.map.get(name);
    const key = isRef(ref) ? `r${ref.num}` : `n${name}`;
    if (!this.fonts.has(key)) this.fonts.set(key, fontOf(this.view, ref));
    return this.fonts.get(key) ?? null;
  }

  run(data: Uint8Array, resources: PdfDict | null, base: Matrix, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const lx = new PdfLexer(data, 0);
    const stack: GState[] = [];
    let gs: GState = { ctm: base };
    const ts: TextState = { font: null, size: 0, charSpace: 0, wordSpace: 0, scale: 1, leading: 0, tm: IDENTITY, tlm: IDENTITY };
    let operands: PdfValue[] = [];
    const num = (i: number): number => { const v = operands[i]; return typeof v === 'number' ? v : 0; };
    const budget = budgetFor(this.view.pdf.bytes);
    while (this.operators < MAX_OPERATORS) {
      budget.check();
      lx.skipWs();
      if (lx.pos >= data.length) break;
      const c = data[lx.pos] ?? 0;
      const startsValue = c === 0x2f || c === 0x28 || c === 0x3c || c === 0x5b || c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39);
      if (startsValue) {
        try { operands.push(lx.value()); } catch { return; }
        if (operands.length > 64) return;
        continue;
      }
      const op = lx.token();
      if (op === '') { lx.pos += 1; operands = []; continue; }
      this.operators += 1;
      switch (op) {
        case 'q': if (stack.length < 64) stack.push({ ctm: gs.ctm }); break;
        case 'Q': gs = stack.pop() ?? gs; break;
        case 'cm': { const m = asMatrix(operands); if (m) gs = { ctm: mul(m, gs.ctm) }; break; }
        case 'BT': ts.tm = IDENTITY; ts.tlm = IDENTITY; break;
        case 'Tf': { const n = operands[0]; ts.font = isName(n) ? this.font(resources, n.name) : null; ts.size = num(1); break; }
        case 'Tc': ts.charSpace = num(0); break;
        case 'Tw': ts.wordSpace = num(0); break;
        case 'Tz': ts.scale = num(0) / 100; break;
        case 'TL': ts.leading = num(0); break;
        case 'Td': ts.tlm = mul([1, 0, 0, 1, num(0), num(1)], ts.tlm); ts.tm = ts.tlm; break;
        case 'TD': ts.leading = -num(1); ts.tlm = mul([1, 0, 0, 1, num(0), num(1)], ts.tlm); ts.tm = ts.tlm; break;
        case 'Tm': { const m = asMatrix(operands); if (m) { ts.tlm = m; ts.tm = m; } break; }
        case 'T*': ts.tlm = mul([1, 0, 0, 1, 0, -ts.leading], ts.tlm); ts.tm = ts.tlm; break;
        case 'Tj': this.show(operands[0], ts, gs.ctm); break;
        case "'": ts.tlm = mul([1, 0, 0, 1, 0, -ts.leading], ts.tlm); ts.tm = ts.tlm; this.show(operands[0], ts, gs.ctm); break;
        case '"': ts.wordSpace = num(0); ts.charSpace = num(1); ts.tlm = mul([1, 0, 0, 1, 0, -ts.leading], ts.tlm); ts.tm = ts.tlm; this.show(operands[2], ts, gs.ctm); break;
        case 'TJ': {
          const arr = operands[0];
          if (Array.isArray(arr)) for (const part of arr) {
            if (typeof part === 'number') ts.tm = mul([1, 0, 0, 1, (-part / 1000) * ts.size * ts.scale, 0], ts.tm);
            else this.show(part, ts, gs.ctm);
          }
          break;
        }
        case 'Do': { const n = operands[0]; if (isName(n)) this.xobject(resources, n.name, gs.ctm, depth); break; }
        case 'BI': this.inlineImage(lx, data, gs.ctm); break;
        default: break;
      }
      operands = [];
    }
  }

  private show(v: PdfValue | undefined, ts: TextState, ctm: Matrix): void {
    if (!isString(v) || !ts.font) return;
    const f = ts.font;
    for (const glyph of f.decode(v.bytes)) {
      const w = (glyph.width / 1000) * ts.size;
      const m = mul(ts.tm, ctm);
      // Glyph box from the baseline: descent about 0.2 em, ascent about 0.8 em (exact outlines are not needed).
      const box = boxOf(m, 0, -0.2 * ts.size, Math.max(w, 0.1 * ts.size) * ts.scale, 0.8 * ts.size);
      if (glyph.text.trim() !== '' || glyph.width > 0) this.items.push({ kind: 'glyph', box, text: glyph.text });
      const advance = (w + ts.charSpace + (glyph.isSpace ? ts.wordSpace : 0)) * ts.scale;
      ts.tm = mul([1, 0, 0, 1, advance, 0], ts.tm);
    }
  }

  private xobject(resources: PdfDict | null, name: string, ctm: Matrix, depth: number): void {
    const ref = this.view.dict(resources?.map.get('XObject'))?.map.get(name);
    const x = this.view.resolve(ref);
    if (!isStream(x)) return;
    const sub = x.dict.map.get('Subtype');
    if (isName(sub, 'Image')) { this.items.push({ kind: 'image', box: boxOf(ctm, 0, 0, 1, 1), text: '' }); return; }
    if (!isName(sub, 'Form')) return;
    const m = asMatrix(this.view.resolve(x.dict.map.get('Matrix'))) ?? IDENTITY;
    let data: Uint8Array;
    try { data = decodeStream(this.view.pdf.bytes, x); } catch (err) { rethrowLimit(err); return; }
    const own = this.view.dict(x.dict.map.get('Resources'));
    this.run(data, own ?? resources, mul(m, ctm), depth + 1);
  }

  private inlineImage(lx: PdfLexer, data: Uint8Array, ctm: Matrix): void {
    // Skip "… ID <binary> EI": the data ends at whitespace + EI + whitespace/end.
    const id = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf(' ID', lx.pos, 'latin1');
    if (id < 0) { lx.pos = data.length; return; }
    let p = id + 4;
    for (; p + 2 <= data.length; p += 1) {
      if (data[p] === 0x45 && data[p + 1] === 0x49 && /\s/.test(String.fromCharCode(data[p - 1] ?? 32)) && (p + 2 === data.length || /\s/.test(String.fromCharCode(data[p + 2] ?? 32)))) break;
    }
    lx.pos = Math.min(data.length, p + 2);
    this.items.push({ kind: 'image', box: boxOf(ctm, 0, 0, 1, 1), text: '' });
  }
}

/** The content streams of a page, concatenated (an array of streams is one content stream, §7.8.2). */
function pageContent(view: RevisionView, page: PdfDict): Uint8Array {
  const c = view.resolve(page.map.get('Contents'));
  const parts = Array.isArray(c) ? c.map((x) => view.resolve(x)) : [c];
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    if (!isStream(p)) continue;
    try { chunks.push(decodeStream(view.pdf.bytes, p), new Uint8Array([0x0a])); } catch (err) { rethrowLimit(err); /* an unreadable part draws nothing we can check */ }
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Inherited page attribute (Resources, MediaBox) from the page tree (§7.7.3.4). */
export function inherited(view: RevisionView, page: PdfDict, key: string): PdfValue | undefined {
  let d: PdfDict | null = page;
  for (let i = 0; d && i < 32; i += 1) {
    const v = d.map.get(key);
    if (v !== undefined) return v;
    d = view.dict(d.map.get('Parent'));
  }
  return undefined;
}

/** Text glyphs and images drawn by page `pageNum` of `view`, in default user space. */
export function drawnItems(view: RevisionView, pageNum: number): DrawnItem[] {
  const page = view.dict({ kind: 'ref', num: pageNum, gen: 0 });
  if (!page) return [];
  const resources = view.dict(inherited(view, page, 'Resources'));
  const it = new Interpreter(view);
  it.run(pageContent(view, page), isDict(resources) ? resources : null, IDENTITY, 0);
  return it.items;
}
