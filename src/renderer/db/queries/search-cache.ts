/**
 * An in-memory copy of the register's search columns and word index, kept current from IndexedDB by reading only
 * what changed. Why: in Chromium each key read from IndexedDB costs microseconds, so a query whose answer is
 * 16,000 of 200,000 entries cannot be answered from IndexedDB ranges in 50 ms; from memory it takes a few ms.
 *
 * How it stays current without a full reload: register entries are never deleted (Art. 9.4), new ones get
 * higher auto-increment ids, and every later change to an entry (cancel, transfer) appends a journal line naming
 * its entryId in the same transaction (db/registration.ts). So a refresh reads the entries above the highest id
 * seen and the journal lines above the last seq seen: two range reads, usually empty. Because those reads cover
 * every possible change, a live query built on searchRegister re-runs whenever the register changes.
 *
 * Sign-in (issue 9: ≤ 1 s for 200,000 entries): the cache is not rebuilt from every entry. It starts from its
 * persisted checkpoint (`searchSnapshots`, packed columns as of an entry id and a journal seq, written in the
 * background once it lags by CHECKPOINT_AFTER changes) and catches up with the same two range reads. The
 * checkpoint is never trusted for more than that: a stale one only means a longer catch-up, and one that does not
 * fit the database (a newer seq or id than the database has, another layout) is ignored and rebuilt.
 *
 * OCR text (issue 9, db/ocr-index.ts) stays in IndexedDB: a search reads the posting lists of its own words by
 * prefix range, in the same serialised refresh, and keeps the result per prefix as a bitmap over entry ids (at
 * most MAX_OCR_PREFIXES of them); a refresh that sees new entries adds their OCR tokens (`ocrTokens`) to the kept
 * bitmaps, so they are as current as the columns.
 *
 * The cache also remembers, per entry, the journal seq of the last change it saw (entryChangeSeq), so the register
 * view can tell a row it read before that change from a current one and never show a cancelled entry as active
 * (features/registers/useWindowRows.ts). cancelEntry and transferEntry refresh it right after their transaction
 * commits (noteRegisterCommitted), so the view knows of the change before the dialog that made it closes.
 */
import Dexie from 'dexie';
import type { AppDB } from '../db';
import { bitmapHas, bitmapSet, readOcrPrefix } from '../ocr-index';
import type { RegisterEntryRecord, SearchSnapshotRecord } from '../records';
import type { TextQuery } from '../search-index';
import type { RegisterFilter } from './register-search';

/** Entries read per step while (re)filling the cache. */
const PAGE = 5000;
/** Above this many new words, the sorted delta word list is rebuilt instead of updated in place. */
const RESORT_THRESHOLD = 2000;
/** Above this many words in the delta index, it is merged into the packed base index. */
const MERGE_THRESHOLD = 20_000;
/** Layout of SearchSnapshotRecord written by this module. */
export const SNAPSHOT_FORMAT = 1;
const SNAPSHOT_ID = 'register';
/** A checkpoint is written once this many entries or entry changes are newer than the last one… */
const CHECKPOINT_AFTER = 1000;
/** …and only for a register of at least this many entries (below it, a full read takes a few ms). */
const CHECKPOINT_MIN_ENTRIES = 2000;
/** OCR prefix bitmaps kept (least recently used dropped first). */
const MAX_OCR_PREFIXES = 256;

function grown<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, Math.ceil(a.length * 1.5), 1024));
  b.set(a);
  return b;
}

export class RegisterSearchCache {
  private n = 0;
  private ids = new Int32Array(0);
  private kind = new Uint16Array(0);
  private year = new Int32Array(0);
  private num = new Int32Array(0);
  private urgency = new Uint16Array(0);
  private status = new Uint16Array(0);
  private handling = new Uint16Array(0);
  private issuer = new Int32Array(0);
  private text: string[] = [];
  /** Journal seq of the last change seen after the entry was first read (0: none). */
  private changedAt = new Int32Array(0);
  /** The strings behind the codes of kind, urgency, status, handling and issuer. */
  private labels: string[] = [];
  private codes = new Map<string, number>();
  /** Slots in register order (year, number); slots are in ascending entry id order. */
  private order = new Int32Array(0);
  private orderSorted = true;
  /** Packed word index: sorted words, and the slots of word i at basePostings[baseOffsets[i] … baseOffsets[i+1]). */
  private baseWords: string[] = [];
  private baseOffsets = new Int32Array(1);
  private basePostings = new Int32Array(0);
  /** Words of entries added since the base was packed: word → slots (ascending). */
  private delta = new Map<string, number[]>();
  private deltaWords: string[] = [];
  /** OCR prefix → bitmap over entry ids of the entries with an OCR token starting with it. */
  private ocrPrefixes = new Map<string, Uint32Array<ArrayBuffer>>();
  private maxId = 0;
  private seq = 0;
  private loaded = false;
  /** Position of the last checkpoint written or read, and changes seen since. */
  private checkpointSeq = -1;
  private changesSinceCheckpoint = 0;
  private checkpointScheduled = false;
  private pending: Promise<void> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();
  private marks = new Int32Array(0);

  /** Number of entries held. */
  get size(): number {
    return this.n;
  }

  /** Whether the cache was filled from a checkpoint rather than from every entry (for tests and the benchmark). */
  fromCheckpoint = false;

  /** Journal seq of the last change to this entry that the cache has seen since it first read it; 0 if none. */
  changeSeqOf(entryId: number): number {
    const slot = this.slotOf(entryId);
    return slot < 0 ? 0 : (this.changedAt[slot] as number);
  }

  /** Slot of an entry id (binary search: slots follow ascending ids), or -1. */
  private slotOf(id: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ids[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.n && this.ids[lo] === id ? lo : -1;
  }

  private code(label: string): number {
    let c = this.codes.get(label);
    if (c === undefined) {
      c = this.labels.length;
      this.labels.push(label);
      this.codes.set(label, c);
    }
    return c;
  }

  /**
   * Brings the cache up to date with the database, and loads the OCR bitmaps of `ocrWords` not yet held
   * (serialised: concurrent callers share the queue). Resolves to the bitmaps of `ocrWords`.
   */
  refresh(db: AppDB, ocrWords: readonly string[] = []): Promise<Map<string, Uint32Array<ArrayBuffer>>> {
    const run = this.pending.then(() => this.pull(db, ocrWords));
    this.pending = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private sortOrder(): void {
    if (this.orderSorted) return;
    this.order.subarray(0, this.n).sort((a, b) => this.compare(a, b));
    this.orderSorted = true;
  }

  private async pull(db: AppDB, ocrWords: readonly string[]): Promise<Map<string, Uint32Array<ArrayBuffer>>> {
    const tables = [db.registerEntries, db.journal, db.ocrTokens, db.ocrIndex, db.searchSnapshots];
    const wanted = new Map<string, Uint32Array<ArrayBuffer>>();
    await db.transaction('r', tables, async () => {
      if (!this.loaded) {
        const snapshot = await db.searchSnapshots.get(SNAPSHOT_ID);
        if (snapshot && (await this.fits(db, snapshot))) this.load(snapshot);
      }
      const initial = !this.loaded;
      const newWords: string[] = [];
      const added: RegisterEntryRecord[] = [];
      for (;;) {
        const page = await db.registerEntries.where(':id').above(this.maxId).limit(PAGE).toArray();
        for (const e of page) this.insert(e, newWords);
        if (this.ocrPrefixes.size > 0) added.push(...page);
        if (page.length < PAGE) break;
      }
      if (initial) {
        // Every entry was just read in its current state: only the journal position is needed.
        this.seq = (await db.journal.orderBy('seq').last())?.seq ?? 0;
        this.addWords(newWords);
        this.loaded = true;
      } else {
        const lines = await db.journal.where('seq').above(this.seq).toArray();
        const changed = new Map<number, number>();
        for (const line of lines) {
          this.seq = Math.max(this.seq, line.seq);
          if (!line.action.startsWith('entry.')) continue;
          const entryId = (JSON.parse(line.payload) as { entryId?: unknown }).entryId;
          if (typeof entryId === 'number' && this.slotOf(entryId) >= 0) changed.set(entryId, Math.max(changed.get(entryId) ?? 0, line.seq));
        }
        if (changed.size > 0) {
          for (const e of await db.registerEntries.bulkGet([...changed.keys()])) if (e) this.update(e);
          for (const [entryId, seq] of changed) this.changedAt[this.slotOf(entryId)] = seq;
          this.changesSinceCheckpoint += changed.size;
        }
        this.addWords(newWords);
      }
      if (added.length > 0) await this.addOcrOf(db, added);
      for (const w of new Set(ocrWords)) {
        let bits = this.ocrPrefixes.get(w);
        if (bits) this.ocrPrefixes.delete(w);
        else bits = await readOcrPrefix(db, w);
        this.ocrPrefixes.set(w, bits);
        wanted.set(w, bits);
      }
      while (this.ocrPrefixes.size > MAX_OCR_PREFIXES) {
        const oldest = this.ocrPrefixes.keys().next().value as string;
        this.ocrPrefixes.delete(oldest);
      }
    });
    this.sortOrder();
    if (this.delta.size > MERGE_THRESHOLD) this.merge();
    if (this.n >= CHECKPOINT_MIN_ENTRIES && !this.checkpointScheduled && (this.checkpointSeq < 0 || this.changesSinceCheckpoint >= CHECKPOINT_AFTER)) {
      // From a fresh task: a refresh often runs inside a live query, where Dexie refuses read-write transactions.
      this.checkpointScheduled = true;
      setTimeout(() => {
        this.checkpointScheduled = false;
        if (!db.isOpen()) return;
        this.checkpoint(db).catch((cause: unknown) => console.error('[db] search checkpoint failed', cause));
      }, 0);
    }
    return wanted;
  }

  /** Whether a checkpoint can describe this database: its layout, and no entry or journal line it has that the database lacks. */
  private async fits(db: AppDB, s: SearchSnapshotRecord): Promise<boolean> {
    if (s.format !== SNAPSHOT_FORMAT || s.size !== s.ids.length) return false;
    const lastSeq = (await db.journal.orderBy('seq').lastKey()) ?? 0;
    if (typeof lastSeq !== 'number' || lastSeq < s.seq) return false;
    if (s.size === 0) return true;
    // Entries are never deleted: the first and the last entry it holds must still be there.
    const [first, last] = await Promise.all([db.registerEntries.get(s.ids[0] as number), db.registerEntries.get(s.maxId)]);
    return first !== undefined && last !== undefined;
  }

  private load(s: SearchSnapshotRecord): void {
    this.n = s.size;
    this.ids = s.ids;
    this.kind = s.kind;
    this.year = s.year;
    this.num = s.num;
    this.urgency = s.urgency;
    this.status = s.status;
    this.handling = s.handling;
    this.issuer = s.issuer;
    this.labels = [...s.labels];
    this.codes = new Map(this.labels.map((l, i) => [l, i]));
    this.text = s.size === 0 ? [] : s.text.split('\n');
    this.changedAt = new Int32Array(s.size);
    this.order = s.order;
    this.orderSorted = true;
    this.baseWords = s.words === '' ? [] : s.words.split('\n');
    this.baseOffsets = s.offsets;
    this.basePostings = s.postings;
    this.delta = new Map();
    this.deltaWords = [];
    this.maxId = s.maxId;
    this.seq = s.seq;
    this.loaded = true;
    this.fromCheckpoint = true;
    this.checkpointSeq = s.seq;
    this.changesSinceCheckpoint = 0;
  }

  private insert(e: RegisterEntryRecord, newWords: string[]): void {
    const id = e.id as number;
    if (id <= this.maxId) {
      this.update(e);
      return;
    }
    this.maxId = id;
    const slot = this.n;
    const need = slot + 1;
    this.ids = grown(this.ids, need);
    this.kind = grown(this.kind, need);
    this.year = grown(this.year, need);
    this.num = grown(this.num, need);
    this.urgency = grown(this.urgency, need);
    this.status = grown(this.status, need);
    this.handling = grown(this.handling, need);
    this.issuer = grown(this.issuer, need);
    this.changedAt = grown(this.changedAt, need);
    this.order = grown(this.order, need);
    this.ids[slot] = id;
    this.kind[slot] = this.code(e.kind);
    this.year[slot] = e.year;
    this.num[slot] = e.number;
    this.urgency[slot] = this.code(e.urgency);
    this.status[slot] = this.code(e.status);
    this.handling[slot] = this.code(e.handling);
    this.issuer[slot] = this.code(e.issuerFolded);
    this.text[slot] = e.searchText;
    this.changedAt[slot] = 0;
    this.n = need;
    if (slot > 0 && this.compare(this.order[slot - 1] as number, slot) > 0) this.orderSorted = false;
    this.order[slot] = slot;
    this.changesSinceCheckpoint += 1;
    for (const token of e.searchTokens) {
      const list = this.delta.get(token);
      if (list) list.push(slot);
      else {
        this.delta.set(token, [slot]);
        newWords.push(token);
      }
    }
  }

  /** Status and handling are the only fields that change after registration. */
  private update(e: RegisterEntryRecord): void {
    const slot = this.slotOf(e.id as number);
    if (slot < 0) return;
    this.status[slot] = this.code(e.status);
    this.handling[slot] = this.code(e.handling);
  }

  /** New entries' OCR tokens go into the kept prefix bitmaps (in the refresh's transaction). */
  private async addOcrOf(db: AppDB, entries: readonly RegisterEntryRecord[]): Promise<void> {
    const rows = await db.ocrTokens.bulkGet(entries.map((e) => e.id as number));
    for (const row of rows) {
      if (!row) continue;
      const tokens = row.tokens.slice(1).split(' ');
      for (const [prefix, bits] of this.ocrPrefixes) {
        if (tokens.some((t) => t.startsWith(prefix))) this.ocrPrefixes.set(prefix, bitmapSet(bits, row.entryId));
      }
    }
  }

  private addWords(newWords: string[]): void {
    if (newWords.length === 0) return;
    if (newWords.length > RESORT_THRESHOLD) {
      this.deltaWords = [...this.delta.keys()].sort();
      return;
    }
    for (const w of newWords) this.deltaWords.splice(lowerBound(this.deltaWords, w), 0, w);
  }

  /** Packs base and delta into one base index (slots of a word stay ascending: delta slots are newer). */
  private merge(): void {
    if (this.delta.size === 0) return;
    const words = [...new Set([...this.baseWords, ...this.deltaWords])].sort();
    const baseAt = new Map(this.baseWords.map((w, i) => [w, i]));
    let total = this.basePostings.length;
    for (const list of this.delta.values()) total += list.length;
    const offsets = new Int32Array(words.length + 1);
    const postings = new Int32Array(total);
    let at = 0;
    words.forEach((w, i) => {
      offsets[i] = at;
      const b = baseAt.get(w);
      if (b !== undefined) {
        const part = this.basePostings.subarray(this.baseOffsets[b] as number, this.baseOffsets[b + 1] as number);
        postings.set(part, at);
        at += part.length;
      }
      const d = this.delta.get(w);
      if (d) {
        postings.set(d, at);
        at += d.length;
      }
    });
    offsets[words.length] = at;
    this.baseWords = words;
    this.baseOffsets = offsets;
    this.basePostings = postings;
    this.delta = new Map();
    this.deltaWords = [];
  }

  /** Makes sure a checkpoint of the state after the queued refreshes is written (or being written), and waits for it. */
  async flushCheckpoint(db: AppDB): Promise<void> {
    await this.pending;
    if (this.checkpointSeq === this.seq && this.changesSinceCheckpoint === 0) {
      await this.writing;
      return;
    }
    await this.checkpoint(db);
  }

  /**
   * Writes the checkpoint of the current state (queued behind running refreshes, so it is one consistent state;
   * writes happen in order, so the newest checkpoint is the one kept).
   */
  checkpoint(db: AppDB): Promise<void> {
    const captured = this.pending.then(() => {
      this.sortOrder();
      this.merge();
      const n = this.n;
      const record: SearchSnapshotRecord = {
        id: SNAPSHOT_ID,
        format: SNAPSHOT_FORMAT,
        maxId: this.maxId,
        seq: this.seq,
        size: n,
        ids: this.ids.slice(0, n),
        year: this.year.slice(0, n),
        num: this.num.slice(0, n),
        kind: this.kind.slice(0, n),
        urgency: this.urgency.slice(0, n),
        status: this.status.slice(0, n),
        handling: this.handling.slice(0, n),
        issuer: this.issuer.slice(0, n),
        labels: [...this.labels],
        text: this.text.slice(0, n).join('\n'),
        order: this.order.slice(0, n),
        words: this.baseWords.join('\n'),
        offsets: this.baseOffsets.slice(),
        postings: this.basePostings.slice(),
      };
      this.checkpointSeq = this.seq;
      this.changesSinceCheckpoint = 0;
      return record;
    });
    this.pending = captured.then(
      () => undefined,
      () => undefined,
    );
    const write = this.writing.then(async () => {
      const record = await captured;
      await db.searchSnapshots.put(record);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  private compare(a: number, b: number): number {
    return (this.year[a] as number) - (this.year[b] as number) || (this.num[a] as number) - (this.num[b] as number);
  }

  /** marks[slot] === parts.length for the slots where every part is the prefix of one of their words (fields or OCR). */
  private markParts(parts: readonly string[], ocr: Map<string, Uint32Array<ArrayBuffer>>): Int32Array {
    // One buffer reused across queries: a fresh 200,000-slot array per keystroke only feeds the garbage collector.
    if (this.marks.length < this.n) this.marks = new Int32Array(Math.ceil(this.n * 1.25));
    const marks = this.marks;
    const n = this.n;
    marks.fill(0, 0, n);
    parts.forEach((part, k) => {
      for (let i = lowerBound(this.baseWords, part); i < this.baseWords.length && (this.baseWords[i] as string).startsWith(part); i++) {
        const end = this.baseOffsets[i + 1] as number;
        for (let j = this.baseOffsets[i] as number; j < end; j++) {
          const slot = this.basePostings[j] as number;
          if (marks[slot] === k) marks[slot] = k + 1;
        }
      }
      for (let i = lowerBound(this.deltaWords, part); i < this.deltaWords.length && (this.deltaWords[i] as string).startsWith(part); i++) {
        for (const slot of this.delta.get(this.deltaWords[i] as string) ?? []) if (marks[slot] === k) marks[slot] = k + 1;
      }
      const bits = this.ocrPrefixes.get(part) ?? ocr.get(part);
      if (bits && bits.length > 0) {
        const ids = this.ids;
        for (let slot = 0; slot < n; slot++) if (marks[slot] === k && bitmapHas(bits, ids[slot] as number)) marks[slot] = k + 1;
      }
    });
    return marks;
  }

  /** Entry ids matching the (normalised) filter and parsed text, in register order. `ocr`: what refresh returned. */
  search(f: RegisterFilter, q: TextQuery, ocr: Map<string, Uint32Array<ArrayBuffer>> = new Map()): number[] {
    this.sortOrder();
    const marks = q.parts.length > 0 ? this.markParts(q.parts, ocr) : null;
    const need = q.parts.length;
    const codeOf = (label: string | undefined): number | undefined => (label === undefined ? undefined : (this.codes.get(label) ?? -1));
    const wantKind = codeOf(f.kind) as number;
    const wantYear = f.year;
    const wantUrgency = codeOf(f.urgency);
    const wantSender = codeOf(f.sender);
    const wantStatus = codeOf(f.status === 'cancelled' ? 'cancelled' : f.status === undefined ? undefined : 'active');
    const wantHandling = codeOf(f.status === 'waiting' || f.status === 'transferred' ? f.status : undefined);
    const phrases = q.phrases.map((p) => ({ p, bits: this.ocrPrefixes.get(p) ?? ocr.get(p) }));
    const out: number[] = [];
    const order = this.order;
    for (let i = 0; i < this.n; i++) {
      const slot = order[i] as number;
      if (marks && marks[slot] !== need) continue;
      if (this.kind[slot] !== wantKind) continue;
      if (wantYear !== undefined && this.year[slot] !== wantYear) continue;
      if (wantUrgency !== undefined && this.urgency[slot] !== wantUrgency) continue;
      if (wantSender !== undefined && this.issuer[slot] !== wantSender) continue;
      if (wantStatus !== undefined && this.status[slot] !== wantStatus) continue;
      if (wantHandling !== undefined && this.handling[slot] !== wantHandling) continue;
      const id = this.ids[slot] as number;
      if (phrases.length > 0 && !phrases.every(({ p, bits }) => (this.text[slot] as string).includes(p) || (bits !== undefined && bitmapHas(bits, id)))) continue;
      out.push(id);
    }
    return out;
  }
}

function lowerBound(words: readonly string[], w: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as string) < w) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const caches = new WeakMap<AppDB, RegisterSearchCache>();

function cacheOf(db: AppDB): RegisterSearchCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new RegisterSearchCache();
    caches.set(db, cache);
  }
  return cache;
}

/** The search cache of this database instance, brought up to date (with the OCR bitmaps of `ocrWords`). */
export async function freshSearchCache(db: AppDB, ocrWords: readonly string[] = []): Promise<{ cache: RegisterSearchCache; ocr: Map<string, Uint32Array<ArrayBuffer>> }> {
  const cache = cacheOf(db);
  const ocr = await cache.refresh(db, ocrWords);
  return { cache, ocr };
}

/**
 * Writes the search cache's checkpoint now (after bringing it up to date), so the next sign-in starts from it. The
 * cache does this by itself in the background once it lags by enough changes; the benchmark and tests call it to
 * stand for "a previous session".
 */
export async function checkpointRegisterSearch(db: AppDB): Promise<void> {
  const cache = cacheOf(db);
  await cache.refresh(db);
  await cache.flushCheckpoint(db);
}

/** Whether the search cache of `db` was filled from a checkpoint (false also when there is no cache yet). */
export function searchCacheFromCheckpoint(db: AppDB): boolean {
  return caches.get(db)?.fromCheckpoint ?? false;
}

/**
 * Journal seq of the last change to an entry that the search cache of `db` has seen (0: none, or no cache yet).
 * A register row read at a journal head below this is out of date. Synchronous, for use while rendering: the
 * cache only ever learns newer changes, so reading it late can only mark more stale rows, never hide a current one.
 */
export function entryChangeSeq(db: AppDB, entryId: number): number {
  return caches.get(db)?.changeSeqOf(entryId) ?? 0;
}

/**
 * Called right after a transaction that changed register entries has committed: brings an already loaded search
 * cache up to date (a database nobody searched yet is left alone). Never rejects: the change is committed, and a
 * failed refresh is repeated by the next search.
 */
export async function noteRegisterCommitted(db: AppDB): Promise<void> {
  const cache = caches.get(db);
  // Inside a caller's transaction nothing has committed yet: the next search (a live query re-run) catches up.
  if (!cache || Dexie.currentTransaction) return;
  try {
    await cache.refresh(db);
  } catch (cause) {
    console.error('[db] search cache refresh after a commit failed', cause);
  }
}
