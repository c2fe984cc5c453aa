/**
 * The inverted index over the OCR text of register entries (issue 9; Phụ lục VI Phần I III: search every field):
 * one `ocrIndex` record per folded token, holding the ids of the entries whose OCR text has it. OCR text is about
 * 2,000 characters per entry, a few hundred distinct tokens, so it stays out of the entries' own 64 search tokens
 * and out of the in-memory search cache: a search reads only the posting lists of its own words, by prefix range.
 *
 * A posting list is a sorted Int32Array of entry ids while it is short, and becomes a bitmap over entry ids
 * (Uint32Array, bit `id`) once the bitmap is the smaller of the two, so no record grows past about id/8 bytes
 * (25 KB at 200,000 entries) and adding one entry rewrites small records only. Entries are never deleted and their
 * OCR text never changes after registration (the scanned original is never rewritten), so lists only grow: the
 * index is written in the same transaction as the registration (addEntryOcr), and a cancel or transfer, which
 * changes only the entry's status, leaves it alone (the status filter reads the entry, so a cancelled entry shows
 * cancelled at once).
 *
 * `ocrTokens` keeps each entry's token list (joined, search-index.ts joinOcrTokens): the full scan matches on it,
 * the search cache learns new entries' tokens from it, and the index can be rebuilt from it.
 */
import type { AppDB } from './db';
import type { OcrPostingRecord, OcrTokensRecord } from './records';
import { joinOcrTokens, ocrSearchTokens } from './search-index';

/** A posting list stays an id array while it has at most this many ids, whatever the register size. */
const MIN_BITMAP_IDS = 256;

/** Upper bound of a prefix range over string keys (every string starting with `prefix` is below it). */
export function prefixUpper(prefix: string): string {
  return `${prefix}\uffff`;
}

function bitmapWordsFor(id: number): number {
  // Grown in steps of 1,024 words (32,768 ids) so a growing register rarely reallocates.
  return Math.ceil((id + 1) / 32768) * 1024;
}

/** `posting` with `id` added (a new object; ids must be positive integers). */
export function addToPosting(token: string, posting: OcrPostingRecord | undefined, id: number): OcrPostingRecord {
  if (posting?.bits) {
    let bits = posting.bits;
    if (id >>> 5 >= bits.length) {
      const grown = new Uint32Array(bitmapWordsFor(id));
      grown.set(bits);
      bits = grown;
    } else {
      bits = bits.slice();
    }
    const had = (bits[id >>> 5] as number) & (1 << (id & 31));
    bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
    return { token, count: posting.count + (had ? 0 : 1), bits };
  }
  const old = posting?.ids ?? new Int32Array(0);
  // Ids usually arrive in ascending order: an append; otherwise insert in place.
  let at = old.length;
  while (at > 0 && (old[at - 1] as number) > id) at--;
  if (at > 0 && old[at - 1] === id) return posting as OcrPostingRecord;
  const ids = new Int32Array(old.length + 1);
  ids.set(old.subarray(0, at));
  ids[at] = id;
  ids.set(old.subarray(at), at + 1);
  return packPosting(token, ids);
}

/** A sorted id list as stored: a bitmap once it is smaller than the ids (ids.length × 4 > words × 4 bytes). */
export function packPosting(token: string, ids: Int32Array<ArrayBuffer>): OcrPostingRecord {
  const maxId = ids.length > 0 ? (ids[ids.length - 1] as number) : 0;
  if (ids.length <= MIN_BITMAP_IDS || ids.length <= bitmapWordsFor(maxId)) return { token, count: ids.length, ids };
  const bits = new Uint32Array(bitmapWordsFor(maxId));
  for (const x of ids) bits[x >>> 5] = (bits[x >>> 5] as number) | (1 << (x & 31));
  return { token, count: ids.length, bits };
}

/** Calls `fn` for every entry id of a posting list, ascending. */
export function forEachPostingId(posting: OcrPostingRecord, fn: (id: number) => void): void {
  if (posting.ids) {
    for (const id of posting.ids) fn(id);
    return;
  }
  const bits = posting.bits as Uint32Array;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w] as number;
    while (word !== 0) {
      const low = word & -word;
      fn(w * 32 + (31 - Math.clz32(low)));
      word ^= low;
    }
  }
}

/** Ors a posting list into a bitmap over entry ids (grown when needed); returns the bitmap. */
export function orIntoBitmap(target: Uint32Array<ArrayBuffer>, posting: OcrPostingRecord): Uint32Array<ArrayBuffer> {
  let out = target;
  const need = posting.bits ? posting.bits.length : posting.ids && posting.ids.length > 0 ? ((posting.ids[posting.ids.length - 1] as number) >>> 5) + 1 : 0;
  if (need > out.length) {
    const grown = new Uint32Array(Math.max(need, out.length * 2));
    grown.set(out);
    out = grown;
  }
  if (posting.bits) {
    const bits = posting.bits;
    for (let w = 0; w < bits.length; w++) out[w] = (out[w] as number) | (bits[w] as number);
  } else {
    for (const id of posting.ids as Int32Array) out[id >>> 5] = (out[id >>> 5] as number) | (1 << (id & 31));
  }
  return out;
}

/** Whether bit `id` is set. */
export function bitmapHas(bits: Uint32Array, id: number): boolean {
  const w = id >>> 5;
  return w < bits.length && ((bits[w] as number) & (1 << (id & 31))) !== 0;
}

/** Sets bit `id`, growing the bitmap when needed; returns the bitmap. */
export function bitmapSet(bits: Uint32Array<ArrayBuffer>, id: number): Uint32Array<ArrayBuffer> {
  let out = bits;
  if (id >>> 5 >= out.length) {
    out = new Uint32Array(Math.max(bitmapWordsFor(id), bits.length * 2));
    out.set(bits);
  }
  out[id >>> 5] = (out[id >>> 5] as number) | (1 << (id & 31));
  return out;
}

/**
 * Bitmap (over entry ids) of the entries with an OCR token starting with `prefix`: one range read over
 * `ocrIndex`. Run it inside a transaction that covers `ocrIndex` to read one consistent state.
 */
export async function readOcrPrefix(db: AppDB, prefix: string): Promise<Uint32Array<ArrayBuffer>> {
  let bits = new Uint32Array(0);
  // One getAll, not a cursor: a short prefix ("3") covers thousands of small lists.
  for (const posting of await db.ocrIndex.where(':id').between(prefix, prefixUpper(prefix), true, true).toArray()) bits = orIntoBitmap(bits, posting);
  return bits;
}

/** Ids of the entries with an OCR token starting with `prefix` (for the index-only search path). */
export async function readOcrPrefixIds(db: AppDB, prefix: string): Promise<Set<number>> {
  const out = new Set<number>();
  const postings = await db.ocrIndex.where(':id').between(prefix, prefixUpper(prefix), true, true).toArray();
  for (const p of postings) forEachPostingId(p, (id) => out.add(id));
  return out;
}

/**
 * Indexes the OCR text of one entry: its `ocrTokens` row and its id in the posting list of each token. Must run
 * inside the caller's rw transaction over `ocrTokens` and `ocrIndex` (the registration's), so the entry and its
 * OCR index commit together. Returns the tokens (none: nothing written).
 */
export async function addEntryOcr(db: AppDB, entryId: number, documentId: string, ocrText: string | undefined): Promise<string[]> {
  const tokens = ocrSearchTokens(ocrText);
  if (tokens.length === 0) return tokens;
  const row: OcrTokensRecord = { entryId, documentId, tokens: joinOcrTokens(tokens) };
  await db.ocrTokens.put(row);
  const old = await db.ocrIndex.bulkGet(tokens);
  await db.ocrIndex.bulkPut(tokens.map((t, i) => addToPosting(t, old[i], entryId)));
  return tokens;
}

/**
 * Builds posting records for many entries at once (the schema upgrade and the benchmark's seeding): `rows` in any
 * order; returns the records, ready for bulkPut into an empty or to-be-merged `ocrIndex`.
 */
export function buildOcrPostings(rows: Iterable<{ entryId: number; tokens: readonly string[] }>): OcrPostingRecord[] {
  const lists = new Map<string, number[]>();
  for (const row of rows) {
    for (const t of row.tokens) {
      const list = lists.get(t);
      if (list) list.push(row.entryId);
      else lists.set(t, [row.entryId]);
    }
  }
  const out: OcrPostingRecord[] = [];
  for (const [token, list] of lists) {
    out.push(packPosting(token, Int32Array.from(new Set(list)).sort()));
  }
  return out;
}
