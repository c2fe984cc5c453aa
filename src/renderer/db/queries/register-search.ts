/**
 * Register search (Phụ lục VI Phần I III; NĐ 30 Phụ lục IV): which entries of a register match a filter, in register
 * order (year, then number). Two answers that must agree, plus the full scan that checks both:
 * - searchRegister: from the in-memory search cache (search-cache.ts), refreshed by two small range reads; a few
 *   ms on 200,000 entries in Chromium (bench/register-search), where even reading 16,000 keys from IndexedDB
 *   costs tens of ms.
 * - searchRegisterByIndexes: IndexedDB alone. Every filter is a key range over a compound index whose primary
 *   keys come out already in register order (getAllKeys, no entry loaded); text goes through the multiEntry
 *   `*searchTokens` index, longest word first, and only a small candidate set is loaded and checked.
 */
import { AppFailure } from '../../../shared/api/result';
import { URGENCIES, type Urgency } from '../../../shared/domain/urgency';
import { foldVietnamese } from '../../../shared/util/search-text';
import type { AppDB } from '../db';
import type { RegisterEntryRecord, RegisterKind, RegisterRow } from '../records';
import { readOcrPrefixIds } from '../ocr-index';
import { MAX_QUERY_LENGTH, matchesText, ocrPrefixTestOf, parseTextQuery, type OcrPrefixTest, type TextQuery } from '../search-index';
import { freshSearchCache } from './search-cache';

/** What the register view filters on. `sender` is a folded issuer (exact); `text` searches every field. */
export interface RegisterFilter {
  kind: RegisterKind;
  year?: number;
  urgency?: Urgency;
  sender?: string;
  status?: 'active' | 'cancelled' | 'waiting' | 'transferred';
  text?: string;
}

const STATUSES = ['active', 'cancelled', 'waiting', 'transferred'] as const;

/** Candidates at most this many are loaded and checked in memory; more are narrowed by keys first. */
const LOAD_LIMIT = 4000;

// Year and number are numbers, so ±Infinity bound them. Dexie.maxKey is one shared array, and a key that holds
// the same array twice is invalid (the IndexedDB key conversion treats a repeated object as a cycle), so string
// components get a fresh upper bound each time.
const MIN = -Infinity;
const MAX = Infinity;
const maxString = (): unknown[] => [[]];

/** Checks a filter and folds its sender; throws AppFailure VALIDATION (with a Vietnamese message) when malformed. */
export function normaliseFilter(filter: RegisterFilter): RegisterFilter {
  if (filter.kind !== 'incoming' && filter.kind !== 'outgoing') throw new AppFailure('VALIDATION', 'Loại sổ không hợp lệ.');
  if (filter.year !== undefined && (!Number.isInteger(filter.year) || filter.year < 1 || filter.year > 9999)) {
    throw new AppFailure('VALIDATION', 'Năm của sổ không hợp lệ.');
  }
  if (filter.urgency !== undefined && !(URGENCIES as readonly string[]).includes(filter.urgency)) {
    throw new AppFailure('VALIDATION', 'Độ khẩn không hợp lệ.');
  }
  if (filter.status !== undefined && !(STATUSES as readonly string[]).includes(filter.status)) {
    throw new AppFailure('VALIDATION', 'Trạng thái không hợp lệ.');
  }
  if (filter.text !== undefined && (typeof filter.text !== 'string' || filter.text.length > MAX_QUERY_LENGTH)) {
    throw new AppFailure('VALIDATION', `Nội dung tìm kiếm dài quá ${MAX_QUERY_LENGTH} ký tự.`);
  }
  if (filter.sender !== undefined && typeof filter.sender !== 'string') throw new AppFailure('VALIDATION', 'Nơi gửi không hợp lệ.');
  return filter.sender === undefined ? filter : { ...filter, sender: foldVietnamese(filter.sender) };
}

/**
 * Whether one entry passes the filter (text already parsed; `ocr` answers for the entry's OCR text). The reference
 * predicate for both searches.
 */
export function matchesFilter(e: RegisterEntryRecord, f: RegisterFilter, q: TextQuery, ocr?: OcrPrefixTest): boolean {
  if (e.kind !== f.kind) return false;
  if (f.year !== undefined && e.year !== f.year) return false;
  if (f.urgency !== undefined && e.urgency !== f.urgency) return false;
  if (f.sender !== undefined && e.issuerFolded !== f.sender) return false;
  switch (f.status) {
    case undefined:
      break;
    case 'active':
    case 'cancelled':
      if (e.status !== f.status) return false;
      break;
    case 'waiting':
    case 'transferred':
      if (e.status !== 'active' || e.handling !== f.status) return false;
      break;
  }
  return matchesText(e, q, ocr);
}

/** Register order: year, then number. */
export function compareRegisterOrder(a: RegisterEntryRecord, b: RegisterEntryRecord): number {
  return a.year - b.year || a.number - b.number;
}

function ids(keys: readonly (number | undefined)[]): number[] {
  return keys.filter((k): k is number => typeof k === 'number');
}

/** Primary keys of `[kind+field+year+number]` for one field value (or of `[kind+year+number]`), in register order. */
async function rangeKeys(db: AppDB, f: RegisterFilter, field?: { index: string; value: string }): Promise<number[]> {
  const lowYear = f.year ?? MIN;
  const highYear = f.year ?? MAX;
  const lower = field ? [f.kind, field.value, lowYear, MIN] : [f.kind, lowYear, MIN];
  const upper = field ? [f.kind, field.value, highYear, MAX] : [f.kind, highYear, MAX];
  const index = field ? field.index : '[kind+year+number]';
  return ids(await db.registerEntries.where(index).between(lower, upper, true, true).primaryKeys());
}

/** The filter without its text: register-ordered key lists that must all contain an id, and ids to leave out. */
async function structuralKeys(db: AppDB, f: RegisterFilter): Promise<{ lists: number[][]; exclude: Set<number> }> {
  const wanted: Promise<number[]>[] = [];
  if (f.urgency !== undefined) wanted.push(rangeKeys(db, f, { index: '[kind+urgency+year+number]', value: f.urgency }));
  if (f.sender !== undefined) wanted.push(rangeKeys(db, f, { index: '[kind+issuerFolded+year+number]', value: f.sender }));
  if (f.status === 'cancelled') wanted.push(rangeKeys(db, f, { index: '[kind+status+year+number]', value: 'cancelled' }));
  if (f.status === 'waiting' || f.status === 'transferred') {
    wanted.push(rangeKeys(db, f, { index: '[kind+handling+year+number]', value: f.status }));
  }
  if (wanted.length === 0) wanted.push(rangeKeys(db, f));
  // Cancelled entries are few, so "active" is read as "not cancelled" rather than as a long list.
  const excluded = f.status === undefined || f.status === 'cancelled' ? Promise.resolve([]) : rangeKeys(db, f, { index: '[kind+status+year+number]', value: 'cancelled' });
  const [lists, exclude] = await Promise.all([Promise.all(wanted), excluded]);
  return { lists, exclude: new Set(exclude) };
}

/** Keeps the ids of the shortest (register-ordered) list that are in every other list and not excluded. */
function intersectOrdered(lists: number[][], exclude: Set<number>, also?: Set<number>): number[] {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const [base = [], ...rest] = sorted;
  const sets = rest.map((l) => new Set(l));
  return base.filter((id) => !exclude.has(id) && (also === undefined || also.has(id)) && sets.every((s) => s.has(id)));
}

/** The OCR side of a query on the index path: per part and phrase, the entries with an OCR token starting with it. */
type OcrSets = Map<string, Set<number>>;

async function ocrSetsOf(db: AppDB, q: TextQuery): Promise<OcrSets> {
  const words = [...new Set([...q.parts, ...q.phrases])];
  const sets = await Promise.all(words.map((w) => readOcrPrefixIds(db, w)));
  return new Map(words.map((w, i) => [w, sets[i] as Set<number>]));
}

/** Distinct primary keys of entries with a field token or an OCR token starting with `part`. */
async function prefixKeys(db: AppDB, part: string, ocr: OcrSets): Promise<Set<number>> {
  const keys = new Set(ids(await db.registerEntries.where('searchTokens').startsWith(part).primaryKeys()));
  for (const id of ocr.get(part) ?? []) keys.add(id);
  return keys;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const id of small) if (large.has(id)) out.add(id);
  return out;
}

async function loadAndCheck(db: AppDB, candidates: Iterable<number>, f: RegisterFilter, q: TextQuery, ocr: OcrSets): Promise<number[]> {
  const entries = await db.registerEntries.bulkGet([...candidates]);
  const ocrOf = (id: number): OcrPrefixTest => (prefix) => ocr.get(prefix)?.has(id) ?? false;
  return entries
    .filter((e): e is RegisterEntryRecord => e !== undefined && matchesFilter(e, f, q, ocrOf(e.id as number)))
    .sort(compareRegisterOrder)
    .map((e) => e.id as number);
}

/** Tuning knobs (tests lower the load limit to exercise the key-only path on a small register). */
export interface SearchOptions {
  /** Most token candidates loaded and checked in memory; above it, keys are intersected first. */
  loadLimit?: number;
}

async function textSearch(db: AppDB, f: RegisterFilter, q: TextQuery, loadLimit: number): Promise<number[]> {
  const ocr = await ocrSetsOf(db, q);
  const byLength = [...q.parts].sort((a, b) => b.length - a.length);
  let candidates = await prefixKeys(db, byLength[0] as string, ocr);
  let used = 1;
  while (candidates.size > loadLimit && used < byLength.length) {
    candidates = intersect(candidates, await prefixKeys(db, byLength[used] as string, ocr));
    used += 1;
  }
  if (candidates.size <= loadLimit) return loadAndCheck(db, candidates, f, q, ocr);
  // Still many: every part is already checked by keys; order and filter through the structural key lists.
  const { lists, exclude } = await structuralKeys(db, f);
  const ordered = intersectOrdered(lists, exclude, candidates);
  if (q.phrases.length === 0) return ordered;
  return loadAndCheck(db, ordered, f, q, ocr);
}

/**
 * Ids of the entries matching `filter`, in register order (year, number ascending). Answers from the in-memory
 * search cache (queries/search-cache.ts), refreshed first from IndexedDB with two small range reads, so it stays
 * live and takes a few ms on 200,000 entries. Throws AppFailure VALIDATION for a malformed filter.
 */
export async function searchRegister(db: AppDB, filter: RegisterFilter): Promise<number[]> {
  const f = normaliseFilter(filter);
  const q = parseTextQuery(f.text);
  const { cache, ocr } = await freshSearchCache(db, q.parts.length > 0 ? [...q.parts, ...q.phrases] : []);
  return cache.search(f, q, ocr);
}

/**
 * The same answer from IndexedDB indexes alone, without the cache: filters as key ranges over the compound
 * indexes (primary keys only, already in register order), text as `*searchTokens` prefix ranges, longest word
 * first, with only a small candidate set loaded and checked. For a first search before the cache is warm, or
 * where memory is tight. Throws AppFailure VALIDATION for a malformed filter.
 */
export async function searchRegisterByIndexes(db: AppDB, filter: RegisterFilter, options: SearchOptions = {}): Promise<number[]> {
  const f = normaliseFilter(filter);
  const q = parseTextQuery(f.text);
  return db.transaction('r', db.registerEntries, db.ocrIndex, async () => {
    if (q.parts.length > 0) return textSearch(db, f, q, options.loadLimit ?? LOAD_LIMIT);
    const { lists, exclude } = await structuralKeys(db, f);
    return intersectOrdered(lists, exclude);
  });
}

/** Loads the search cache ahead of the first search (e.g. right after sign-in). */
export async function warmRegisterSearch(db: AppDB): Promise<void> {
  await freshSearchCache(db);
}

/** Entries (and their OCR token rows) read per step by the full scan. */
const SCAN_PAGE = 5000;

/**
 * The same answer as searchRegister by reading every entry and every entry's OCR tokens (`ocrTokens`, never the
 * inverted index): the benchmark's and the tests' reference. Reads in pages of SCAN_PAGE, in one read
 * transaction, so 200,000 entries with OCR text never sit in memory at once.
 */
export async function fullScanSearch(db: AppDB, filter: RegisterFilter): Promise<number[]> {
  const f = normaliseFilter(filter);
  const q = parseTextQuery(f.text);
  const hits = await db.transaction('r', db.registerEntries, db.ocrTokens, async () => {
    const out: RegisterEntryRecord[] = [];
    let after = -Infinity;
    for (;;) {
      const page = await db.registerEntries.where(':id').above(after).limit(SCAN_PAGE).toArray();
      if (page.length === 0) break;
      const last = page[page.length - 1]?.id as number;
      const ocrRows = q.parts.length === 0 ? [] : await db.ocrTokens.where(':id').between(after, last, false, true).toArray();
      const ocrById = new Map(ocrRows.map((r) => [r.entryId, r.tokens]));
      for (const e of page) if (matchesFilter(e, f, q, ocrPrefixTestOf(ocrById.get(e.id as number)))) out.push(e);
      after = last;
      if (page.length < SCAN_PAGE) break;
    }
    return out;
  });
  return hits.sort(compareRegisterOrder).map((e) => e.id as number);
}

/** The rows (entry + document) of these ids, in the same order; ids that do not exist are skipped. */
export async function loadRows(db: AppDB, entryIds: readonly number[]): Promise<RegisterRow[]> {
  if (entryIds.length === 0) return [];
  return db.transaction('r', db.registerEntries, db.documents, () => readRows(db, entryIds));
}

/** Rows together with the journal head they were read at (one read transaction, so one consistent state). */
export interface RowsAt {
  rows: RegisterRow[];
  /** seq of the newest journal line when the rows were read (0: empty journal). */
  seq: number;
}

/**
 * loadRows plus the journal head in the same read transaction. Every change to an entry appends a journal line in
 * its own transaction (db/registration.ts), so a row read at seq S is current unless the entry changed at a seq
 * above S (queries/search-cache.ts entryChangeSeq): the register view uses this to drop rows read before a cancel.
 */
export async function loadRowsAt(db: AppDB, entryIds: readonly number[]): Promise<RowsAt> {
  return db.transaction('r', db.registerEntries, db.documents, db.journal, async () => {
    const seq = (await db.journal.orderBy('seq').lastKey()) ?? 0;
    return { rows: entryIds.length === 0 ? [] : await readRows(db, entryIds), seq: typeof seq === 'number' ? seq : 0 };
  });
}

/** Inside a read transaction over registerEntries and documents. */
async function readRows(db: AppDB, entryIds: readonly number[]): Promise<RegisterRow[]> {
  const entries = (await db.registerEntries.bulkGet([...entryIds])).filter((e): e is RegisterEntryRecord => e !== undefined);
  const docIds = [...new Set(entries.map((e) => e.documentId))];
  const docs = await db.documents.bulkGet(docIds);
  const byId = new Map(docs.filter((d) => d !== undefined).map((d) => [d.id, d]));
  const rows: RegisterRow[] = [];
  for (const entry of entries) {
    const document = byId.get(entry.documentId);
    if (document) rows.push({ entry, document });
  }
  return rows;
}

/** One component of a compound index key. */
function keyPart(key: unknown, i: number): unknown {
  return Array.isArray(key) ? (key as unknown[])[i] : undefined;
}

/** Years that have a register of this kind, ascending. */
export async function listYears(db: AppDB, kind: RegisterKind): Promise<number[]> {
  const keys = await db.registers.where('[kind+year]').between([kind, MIN], [kind, MAX], true, true).keys();
  return keys.map((k) => keyPart(k, 1)).filter((y): y is number => typeof y === 'number').sort((a, b) => a - b);
}

/**
 * Distinct senders (folded key and the issuer as first written) of a register kind, in one year or all years,
 * sorted for display.
 */
export async function listSenders(db: AppDB, kind: RegisterKind, year?: number): Promise<{ folded: string; display: string }[]> {
  return db.transaction('r', db.registers, db.registerEntries, db.documents, async () => {
    const years = year !== undefined ? [year] : await listYears(db, kind);
    const folded = new Set<string>();
    for (const y of years) {
      const keys = await db.registerEntries.where('[kind+year+issuerFolded]').between([kind, y, ''], [kind, y, maxString()], true, true).uniqueKeys();
      for (const k of keys) {
        const sender = keyPart(k, 2);
        if (typeof sender === 'string') folded.add(sender);
      }
    }
    const firsts = await Promise.all(
      [...folded].map((s) =>
        db.registerEntries
          .where('[kind+issuerFolded+year+number]')
          .between([kind, s, year ?? MIN, MIN], [kind, s, year ?? MAX, MAX], true, true)
          .first(),
      ),
    );
    const docs = await db.documents.bulkGet(firsts.map((e) => e?.documentId ?? ''));
    const senders = [...folded].map((s, i) => ({ folded: s, display: docs[i]?.issuer ?? s }));
    return senders.sort((a, b) => a.display.localeCompare(b.display, 'vi'));
  });
}
