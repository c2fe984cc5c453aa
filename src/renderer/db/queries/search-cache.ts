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
 * The cache also remembers, per entry, the journal seq of the last change it saw (entryChangeSeq), so the register
 * view can tell a row it read before that change from a current one and never show a cancelled entry as active
 * (features/registers/useWindowRows.ts). cancelEntry and transferEntry refresh it right after their transaction
 * commits (noteRegisterCommitted), so the view knows of the change before the dialog that made it closes.
 */
import Dexie from 'dexie';
import type { AppDB } from '../db';
import type { RegisterEntryRecord } from '../records';
import type { TextQuery } from '../search-index';
import type { RegisterFilter } from './register-search';

/** Entries read per step while (re)filling the cache. */
const PAGE = 5000;
/** Above this many new words, the sorted word list is rebuilt instead of updated in place. */
const RESORT_THRESHOLD = 2000;

export class RegisterSearchCache {
  private ids: number[] = [];
  private kind: string[] = [];
  private year: number[] = [];
  private num: number[] = [];
  private urgency: string[] = [];
  private status: string[] = [];
  private handling: string[] = [];
  private issuer: string[] = [];
  private text: string[] = [];
  private slotOf = new Map<number, number>();
  /** Journal seq of the last change seen after the entry was first read (0: none). */
  private changedAt: number[] = [];
  /** Slots in register order (year, number). */
  private order: number[] = [];
  private orderSorted = true;
  /** Word → slots that contain it (ascending). */
  private postings = new Map<string, number[]>();
  private words: string[] = [];
  private maxId = 0;
  private seq = 0;
  private pending: Promise<void> = Promise.resolve();
  private marks = new Int32Array(0);

  /** Number of entries held. */
  get size(): number {
    return this.ids.length;
  }

  /** Journal seq of the last change to this entry that the cache has seen since it first read it; 0 if none. */
  changeSeqOf(entryId: number): number {
    const slot = this.slotOf.get(entryId);
    return slot === undefined ? 0 : (this.changedAt[slot] as number);
  }

  /** Brings the cache up to date with the database (serialised: concurrent callers share one refresh). */
  refresh(db: AppDB): Promise<void> {
    const run = this.pending.then(() => this.pull(db));
    this.pending = run.catch(() => undefined);
    return run;
  }

  private sortOrder(): void {
    if (this.orderSorted) return;
    this.order.sort((a, b) => this.compare(a, b));
    this.orderSorted = true;
  }

  private async pull(db: AppDB): Promise<void> {
    const initial = this.ids.length === 0 && this.seq === 0;
    await db.transaction('r', db.registerEntries, db.journal, async () => {
      const newWords: string[] = [];
      for (;;) {
        const page = await db.registerEntries.where(':id').above(this.maxId).limit(PAGE).toArray();
        for (const e of page) this.insert(e, newWords);
        if (page.length < PAGE) break;
      }
      if (initial) {
        // Every entry was just read in its current state: only the journal position is needed.
        this.seq = (await db.journal.orderBy('seq').last())?.seq ?? 0;
        this.addWords(newWords);
        return;
      }
      const lines = await db.journal.where('seq').above(this.seq).toArray();
      const changed = new Map<number, number>();
      for (const line of lines) {
        this.seq = Math.max(this.seq, line.seq);
        if (!line.action.startsWith('entry.')) continue;
        const entryId = (JSON.parse(line.payload) as { entryId?: unknown }).entryId;
        if (typeof entryId === 'number' && this.slotOf.has(entryId)) changed.set(entryId, Math.max(changed.get(entryId) ?? 0, line.seq));
      }
      if (changed.size > 0) {
        for (const e of await db.registerEntries.bulkGet([...changed.keys()])) if (e) this.update(e);
        for (const [entryId, seq] of changed) this.changedAt[this.slotOf.get(entryId) as number] = seq;
      }
      this.addWords(newWords);
    });
    this.sortOrder();
  }

  private insert(e: RegisterEntryRecord, newWords: string[]): void {
    const id = e.id as number;
    this.maxId = Math.max(this.maxId, id);
    if (this.slotOf.has(id)) {
      this.update(e);
      return;
    }
    const slot = this.ids.length;
    this.slotOf.set(id, slot);
    this.ids.push(id);
    this.kind.push(e.kind);
    this.year.push(e.year);
    this.num.push(e.number);
    this.urgency.push(e.urgency);
    this.status.push(e.status);
    this.handling.push(e.handling);
    this.issuer.push(e.issuerFolded);
    this.text.push(e.searchText);
    this.changedAt.push(0);
    const last = this.order[this.order.length - 1];
    if (last !== undefined && this.compare(last, slot) > 0) this.orderSorted = false;
    this.order.push(slot);
    for (const token of e.searchTokens) {
      const list = this.postings.get(token);
      if (list) list.push(slot);
      else {
        this.postings.set(token, [slot]);
        newWords.push(token);
      }
    }
  }

  /** Status and handling are the only fields that change after registration. */
  private update(e: RegisterEntryRecord): void {
    const slot = this.slotOf.get(e.id as number);
    if (slot === undefined) return;
    this.status[slot] = e.status;
    this.handling[slot] = e.handling;
  }

  private addWords(newWords: string[]): void {
    if (newWords.length === 0) return;
    if (newWords.length > RESORT_THRESHOLD) {
      this.words = [...this.postings.keys()].sort();
      return;
    }
    for (const w of newWords) this.words.splice(this.lowerBound(w), 0, w);
  }

  private compare(a: number, b: number): number {
    return (this.year[a] as number) - (this.year[b] as number) || (this.num[a] as number) - (this.num[b] as number);
  }

  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.words[mid] as string) < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** marks[slot] === parts.length for the slots where every part is the prefix of one of their words. */
  private markParts(parts: readonly string[]): Int32Array {
    // One buffer reused across queries: a fresh 200,000-slot array per keystroke only feeds the garbage collector.
    if (this.marks.length < this.ids.length) this.marks = new Int32Array(Math.ceil(this.ids.length * 1.25));
    const marks = this.marks;
    marks.fill(0, 0, this.ids.length);
    parts.forEach((part, k) => {
      for (let i = this.lowerBound(part); i < this.words.length && (this.words[i] as string).startsWith(part); i++) {
        for (const slot of this.postings.get(this.words[i] as string) ?? []) if (marks[slot] === k) marks[slot] = k + 1;
      }
    });
    return marks;
  }

  /** Entry ids matching the (normalised) filter and parsed text, in register order. */
  search(f: RegisterFilter, q: TextQuery): number[] {
    this.sortOrder();
    const marks = q.parts.length > 0 ? this.markParts(q.parts) : null;
    const need = q.parts.length;
    const wantStatus = f.status === 'cancelled' ? 'cancelled' : f.status === undefined ? undefined : 'active';
    const wantHandling = f.status === 'waiting' || f.status === 'transferred' ? f.status : undefined;
    const out: number[] = [];
    for (const slot of this.order) {
      if (marks && marks[slot] !== need) continue;
      if (this.kind[slot] !== f.kind) continue;
      if (f.year !== undefined && this.year[slot] !== f.year) continue;
      if (f.urgency !== undefined && this.urgency[slot] !== f.urgency) continue;
      if (f.sender !== undefined && this.issuer[slot] !== f.sender) continue;
      if (wantStatus !== undefined && this.status[slot] !== wantStatus) continue;
      if (wantHandling !== undefined && this.handling[slot] !== wantHandling) continue;
      if (q.phrases.length > 0 && !q.phrases.every((p) => (this.text[slot] as string).includes(p))) continue;
      out.push(this.ids[slot] as number);
    }
    return out;
  }
}

const caches = new WeakMap<AppDB, RegisterSearchCache>();

/** The search cache of this database instance, brought up to date. */
export async function freshSearchCache(db: AppDB): Promise<RegisterSearchCache> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new RegisterSearchCache();
    caches.set(db, cache);
  }
  await cache.refresh(db);
  return cache;
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
