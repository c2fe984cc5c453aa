/**
 * The objects of one revision, resolved through that revision's xref (not by scanning the file, which is what
 * lets shadow attacks hide). Each lookup says whether the object header matches the number the xref promised.
 */
import { PdfLexer, isDict, isRef, isStream, parseIndirectObject, type PdfDict, type PdfValue } from './pdf-lexer';
import { decodeStream, type ParsedPdf, type Revision, type XrefEntry } from './pdf-revisions';
import { budgetFor } from './pdf-limits';

export interface ResolvedObject {
  num: number;
  value: PdfValue;
  /** The xref entry points at an object whose header carries another number or generation. */
  headerMismatch: boolean;
  entry: XrefEntry;
}

type ParseCache = Map<string, { num: number; gen: number; value: PdfValue } | Error>;
const caches = new WeakMap<ParsedPdf, ParseCache>();
/** Decoded object streams per file, keyed by the offset of the stream's own definition. */
const objStmCaches = new WeakMap<ParsedPdf, Map<string, Map<number, PdfValue>>>();

export class RevisionView {
  private readonly cache: ParseCache;
  private readonly objStms = new Map<number, Map<number, PdfValue>>();

  readonly pdf: ParsedPdf;
  readonly revision: Revision;

  constructor(pdf: ParsedPdf, revision: Revision) {
    this.pdf = pdf;
    this.revision = revision;
    let c = caches.get(pdf);
    if (!c) {
      c = new Map();
      caches.set(pdf, c);
    }
    this.cache = c;
  }

  private parseAt(offset: number): { num: number; gen: number; value: PdfValue } | Error {
    const key = `o${offset}`;
    let hit = this.cache.get(key);
    if (!hit) {
      try {
        hit = parseIndirectObject(this.pdf.bytes, offset, (v) => {
          if (typeof v === 'number') return v;
          if (isRef(v)) {
            const r = this.get(v.num);
            return typeof r?.value === 'number' ? r.value : null;
          }
          return null;
        });
      } catch (err) {
        hit = err as Error;
      }
      this.cache.set(key, hit);
    }
    return hit;
  }

  private objectStream(num: number): Map<number, PdfValue> {
    let m = this.objStms.get(num);
    if (m) return m;
    const stm = this.get(num);
    // Shared by every view of the file: the same stream body (same offset) is decoded once, whichever revision asks.
    const key = stm?.entry.type === 'offset' ? `s${stm.entry.offset}` : null;
    let byOffset = objStmCaches.get(this.pdf);
    if (!byOffset) {
      byOffset = new Map();
      objStmCaches.set(this.pdf, byOffset);
    }
    const shared = key ? byOffset.get(key) : undefined;
    if (shared) {
      this.objStms.set(num, shared);
      return shared;
    }
    m = new Map();
    this.objStms.set(num, m);
    if (key) byOffset.set(key, m);
    if (!stm || !isStream(stm.value)) return m;
    const data = decodeStream(this.pdf.bytes, stm.value);
    // Each member needs at least "n o " in the header: a larger /N is a lie, bounded by the data actually there.
    const n = Math.min(Number(stm.value.dict.map.get('N') ?? 0), Math.floor(data.length / 4));
    const first = Number(stm.value.dict.map.get('First') ?? 0);
    const lx = new PdfLexer(data, 0);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < n; i += 1) pairs.push([Number(lx.token()), Number(lx.token())]);
    const budget = budgetFor(this.pdf.bytes);
    for (const [objNum, off] of pairs) {
      budget.check();
      if (!Number.isInteger(objNum) || !Number.isInteger(off) || off < 0) continue;
      try {
        m.set(objNum, new PdfLexer(data, first + off).value());
      } catch {
        // A broken member stays missing; the caller reports the object as unreadable.
      }
    }
    return m;
  }

  /** The object `num` as this revision defines it, or null when free, missing or unreadable. */
  get(num: number): ResolvedObject | null {
    const entry = this.revision.xref.get(num);
    if (!entry || entry.type === 'free') return null;
    if (entry.type === 'compressed') {
      const value = this.objectStream(entry.stream).get(num);
      return value === undefined ? null : { num, value, headerMismatch: false, entry };
    }
    const parsed = this.parseAt(entry.offset);
    if (parsed instanceof Error) return null;
    return { num, value: parsed.value, headerMismatch: parsed.num !== num || parsed.gen !== entry.gen, entry };
  }

  /** Follow references (up to a small depth) to a direct value. */
  resolve(v: PdfValue | undefined): PdfValue {
    let cur: PdfValue = v ?? null;
    for (let i = 0; i < 16 && isRef(cur); i += 1) cur = this.get(cur.num)?.value ?? null;
    return cur;
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const r = this.resolve(v);
    if (isDict(r)) return r;
    if (isStream(r)) return r.dict;
    return null;
  }

  catalog(): PdfDict | null {
    return this.dict(this.revision.trailer.map.get('Root'));
  }

  /** Page objects by number, in order (leaves of the page tree). */
  pages(): Array<{ num: number; dict: PdfDict }> {
    const out: Array<{ num: number; dict: PdfDict }> = [];
    const seen = new Set<number>();
    const walk = (ref: PdfValue | undefined, depth: number): void => {
      if (!isRef(ref) || seen.has(ref.num) || depth > 64) return;
      seen.add(ref.num);
      const d = this.dict(ref);
      if (!d) return;
      const kids = this.resolve(d.map.get('Kids'));
      if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
      else out.push({ num: ref.num, dict: d });
    };
    walk(this.catalog()?.map.get('Pages'), 0);
    return out;
  }
}
