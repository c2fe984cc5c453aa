/**
 * Revisions of a PDF file (ISO 32000-1 §7.5.6): each incremental update ends with "startxref n %%EOF"; the
 * xref section it points at (table or stream, §7.5.4 / §7.5.8) plus its /Prev chain gives the object map of
 * that revision. Objects are resolved per revision, so the verifier can compare what an object number meant
 * when a signature was made with what it means now (shadow attacks, pdf-signing.md §8).
 */
import { inflateSync } from 'node:zlib';
import { PdfLexer, PdfSyntaxError, isDict, isName, isRef, isStream, parseIndirectObject, type PdfDict, type PdfStream, type PdfValue } from './pdf-lexer';
import { PdfLimitError, budgetFor, type PdfBudget } from './pdf-limits';

export type XrefEntry = { type: 'free' } | { type: 'offset'; offset: number; gen: number } | { type: 'compressed'; stream: number; index: number };

export interface XrefSection {
  offset: number;
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  kind: 'table' | 'stream';
}

export interface Revision {
  /** Index from 0 (the original file). */
  index: number;
  /** Byte length of the file up to and including this revision's %%EOF line (with its end-of-line). */
  end: number;
  /** Offset just after "%%EOF" itself: a signature made before the EOL was written ends here. */
  eofAt: number;
  startxref: number;
  /** Merged view: the newest entry of every object number. */
  xref: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Entries written by this revision's own section (what the update changed). */
  own: Map<number, XrefEntry>;
  kind: 'table' | 'stream';
}

export interface ParsedPdf {
  bytes: Uint8Array;
  revisions: Revision[];
  /** Problems met while reading the structure: (offset, message). */
  problems: string[];
}

const EOF = Buffer.from('%%EOF', 'latin1');

function lengthResolver(bytes: Uint8Array, entries: Map<number, XrefEntry> | null): (v: PdfValue) => number | null {
  return (v) => {
    if (typeof v === 'number') return v;
    if (isRef(v) && entries) {
      const e = entries.get(v.num);
      if (e?.type === 'offset') {
        try {
          const o = parseIndirectObject(bytes, e.offset, () => null);
          return typeof o.value === 'number' ? o.value : null;
        } catch {
          return null;
        }
      }
    }
    return null;
  };
}

/** Decode a stream's data: FlateDecode (with PNG predictors) or none. Other filters are returned raw. */
export function decodeStream(bytes: Uint8Array, s: PdfStream): Uint8Array {
  const raw = bytes.subarray(s.dataStart, s.dataEnd);
  const filter = s.dict.map.get('Filter');
  const names = Array.isArray(filter) ? filter : filter ? [filter] : [];
  if (names.length === 0) return raw;
  if (names.length !== 1 || !isName(names[0], 'FlateDecode')) throw new Error('unsupported filter');
  const budget = budgetFor(bytes);
  const allowance = budget.inflateAllowance();
  let data: Uint8Array;
  try {
    data = new Uint8Array(inflateSync(raw, { maxOutputLength: allowance }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new PdfLimitError('inflate', `một luồng dữ liệu giải nén ra quá ${Math.round(allowance / 1024 / 1024)} MB (bom nén)`);
    }
    throw err;
  }
  budget.addInflated(data.length);
  const parms = s.dict.map.get('DecodeParms');
  if (isDict(parms)) {
    const predictor = parms.map.get('Predictor');
    if (typeof predictor === 'number' && predictor >= 10) {
      const columns = Number(parms.map.get('Columns') ?? 1);
      data = unpredictPng(data, columns);
    }
  }
  return data;
}

function unpredictPng(data: Uint8Array, columns: number): Uint8Array {
  const rowLen = columns + 1;
  const rows = Math.floor(data.length / rowLen);
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * rowLen] ?? 0;
    for (let c = 0; c < columns; c += 1) {
      const x = data[r * rowLen + 1 + c] ?? 0;
      const left = c > 0 ? out[r * columns + c - 1] ?? 0 : 0;
      const up = r > 0 ? out[(r - 1) * columns + c] ?? 0 : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1] ?? 0 : 0;
      let v = x;
      if (type === 1) v = x + left;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = v & 0xff;
    }
  }
  return out;
}

function readTable(bytes: Uint8Array, offset: number): XrefSection {
  const lx = new PdfLexer(bytes, offset);
  if (lx.token() !== 'xref') throw new PdfSyntaxError('xref keyword expected', offset);
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    if (lx.peekKeyword('trailer')) break;
    const first = Number(lx.token());
    const count = Number(lx.token());
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0) throw new PdfSyntaxError('xref subsection header', lx.pos);
    budgetFor(bytes).addXrefEntries(count, bytes.length);
    for (let i = 0; i < count; i += 1) {
      const off = Number(lx.token());
      const gen = Number(lx.token());
      const t = lx.token();
      if (!Number.isInteger(off) || !Number.isInteger(gen) || (t !== 'n' && t !== 'f')) throw new PdfSyntaxError('xref entry', lx.pos);
      entries.set(first + i, t === 'n' ? { type: 'offset', offset: off, gen } : { type: 'free' });
    }
  }
  lx.token();
  const trailer = lx.value();
  if (!isDict(trailer)) throw new PdfSyntaxError('trailer dictionary expected', lx.pos);
  return { offset, entries, trailer, kind: 'table' };
}

function readStream(bytes: Uint8Array, offset: number): XrefSection {
  const obj = parseIndirectObject(bytes, offset, lengthResolver(bytes, null));
  if (!isStream(obj.value) || !isName(obj.value.dict.map.get('Type'), 'XRef')) throw new PdfSyntaxError('xref stream expected', offset);
  const dict = obj.value.dict;
  const data = decodeStream(bytes, obj.value);
  const w = (dict.map.get('W') as number[] | undefined) ?? [];
  const size = Number(dict.map.get('Size') ?? 0);
  const index = (dict.map.get('Index') as number[] | undefined) ?? [0, size];
  let declared = 0;
  for (let s = 1; s < index.length; s += 2) declared += Number(index[s] ?? 0);
  if (!Number.isSafeInteger(declared) || declared < 0 || w.length !== 3 || w.some((x) => !Number.isInteger(x) || x < 0 || x > 8)) {
    throw new PdfSyntaxError('xref stream /W or /Index invalid', offset);
  }
  budgetFor(bytes).addXrefEntries(declared, bytes.length);
  const [w0 = 0, w1 = 0, w2 = 0] = w;
  const rowLen = w0 + w1 + w2;
  const field = (p: number, n: number) => { let v = 0; for (let k = 0; k < n; k += 1) v = v * 256 + (data[p + k] ?? 0); return v; };
  const entries = new Map<number, XrefEntry>();
  let p = 0;
  for (let s = 0; s + 1 < index.length; s += 2) {
    const first = index[s] ?? 0;
    const count = index[s + 1] ?? 0;
    for (let i = 0; i < count; i += 1, p += rowLen) {
      if (p + rowLen > data.length) throw new PdfSyntaxError('xref stream too short', offset);
      const type = w0 === 0 ? 1 : field(p, w0);
      const a = field(p + w0, w1);
      const b = field(p + w0 + w1, w2);
      entries.set(first + i, type === 0 ? { type: 'free' } : type === 1 ? { type: 'offset', offset: a, gen: b } : { type: 'compressed', stream: a, index: b });
    }
  }
  return { offset, entries, trailer: dict, kind: 'stream' };
}

/** Read the xref section at `offset` (table or stream). */
export function readXrefSection(bytes: Uint8Array, offset: number): XrefSection {
  const lx = new PdfLexer(bytes, offset);
  lx.skipWs();
  return lx.peekKeyword('xref') ? readTable(bytes, lx.pos) : readStream(bytes, lx.pos);
}

/** Whether `markers` are ascending offsets that each start a '%%EOF' in `bytes` (a caller's hint, checked). */
function markersHold(bytes: Uint8Array, markers: readonly number[]): boolean {
  let last = -EOF.length;
  for (const at of markers) {
    if (!Number.isInteger(at) || at < last + EOF.length || at + EOF.length > bytes.length) return false;
    for (let i = 0; i < EOF.length; i += 1) if (bytes[at + i] !== EOF[i]) return false;
    last = at;
  }
  return true;
}

/**
 * Every '%%EOF' of the file and where its line ends. `markers`, when given, are the start offsets of all of them,
 * found by the caller while it read the file (verify-worker-main.ts), so a 50 MB file is not searched a second
 * time; they are checked to be '%%EOF' and ascending, and searched for again when they are not.
 */
function eofPositions(bytes: Uint8Array, budget: PdfBudget, markers?: readonly number[]): Array<{ end: number; eofAt: number }> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const starts: Iterable<number> =
    markers && markersHold(bytes, markers)
      ? markers
      : (function* search() {
          for (let at = buf.indexOf(EOF); at >= 0; at = buf.indexOf(EOF, at + EOF.length)) yield at;
        })();
  const out: Array<{ end: number; eofAt: number }> = [];
  for (const at of starts) {
    if (out.length >= budget.limits.maxRevisions) throw new PdfLimitError('revisions', `tệp có hơn ${budget.limits.maxRevisions} lần cập nhật (%%EOF)`);
    const eofAt = at + EOF.length;
    let end = eofAt;
    if (bytes[end] === 0x0d) end += 1;
    if (bytes[end] === 0x0a) end += 1;
    out.push({ end, eofAt });
  }
  return out;
}

function startxrefBefore(bytes: Uint8Array, eofEnd: number): number | null {
  const text = Buffer.from(bytes.subarray(Math.max(0, eofEnd - 1100), eofEnd)).toString('latin1');
  const m = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

/**
 * Split the file into revisions and read every xref section. Structural problems are collected, not thrown.
 * `eofMarkers`: the start offsets of every '%%EOF', when the caller found them while reading (see eofPositions).
 */
export function parseRevisions(bytes: Uint8Array, eofMarkers?: readonly number[]): ParsedPdf {
  const budget = budgetFor(bytes);
  if (bytes.length > budget.limits.maxFileBytes) throw new PdfLimitError('file-size', `tệp lớn hơn ${budget.limits.maxFileBytes / 1024 / 1024} MB`);
  const problems: string[] = [];
  const revisions: Revision[] = [];
  const sections = new Map<number, XrefSection>();
  const section = (off: number): XrefSection => {
    let s = sections.get(off);
    if (!s) {
      s = readXrefSection(bytes, off);
      sections.set(off, s);
    }
    return s;
  };
  for (const { end, eofAt } of eofPositions(bytes, budget, eofMarkers)) {
    const startxref = startxrefBefore(bytes, end);
    if (startxref === null) { problems.push(`${end}: %%EOF không có startxref`); continue; }
    try {
      const own = section(startxref);
      const xref = new Map<number, XrefEntry>();
      const chain: XrefSection[] = [];
      const seen = new Set<number>();
      for (let s: XrefSection | null = own; s; ) {
        if (seen.has(s.offset)) throw new PdfSyntaxError('/Prev loop', s.offset);
        seen.add(s.offset);
        chain.push(s);
        const stm = s.trailer.map.get('XRefStm');
        if (typeof stm === 'number') chain.push(section(stm));
        const prev = s.trailer.map.get('Prev');
        s = typeof prev === 'number' ? section(prev) : null;
      }
      for (const s of chain) for (const [num, e] of s.entries) { budget.check(); if (!xref.has(num)) xref.set(num, e); }
      // Linearized files carry a first-page section with its own %%EOF; it is part of revision 0.
      const last = revisions[revisions.length - 1];
      if (last && last.startxref === startxref) continue;
      revisions.push({ index: revisions.length, end, eofAt, startxref, xref, trailer: own.trailer, own: own.entries, kind: own.kind });
    } catch (err) {
      if (err instanceof PdfLimitError) throw err;
      problems.push(`${end}: ${(err as Error).message}`);
      revisions.push({ index: revisions.length, end, eofAt, startxref, xref: new Map(revisions[revisions.length - 1]?.xref ?? []), trailer: { kind: 'dict', map: new Map() }, own: new Map(), kind: 'table' });
      revisions[revisions.length - 1]!.trailer.map.set('__broken', true);
    }
  }
  return { bytes, revisions, problems };
}
