/**
 * The audit journal: every state change appends one line, and each line carries the SHA-256 of its content and of
 * the line before it, so an edited or deleted line is detectable (Art. 3.3 integrity; architecture.md "every state
 * change appends to an audit journal whose entries are hash-chained").
 *
 * Hashing is synchronous (@noble/hashes): appendJournal runs inside a Dexie read-write transaction, and awaiting a
 * promise that is not IndexedDB's (such as crypto.subtle.digest) would let the transaction commit early
 * (https://dexie.org/docs/Dexie/Dexie.transaction()#async-and-await).
 */
import Dexie from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { AppFailure } from '../../shared/api/result';
import { canonicalJson } from './canonical-json';
import type { AppDB } from './db';
import type { JournalRecord } from './records';

/** prevHash of the first line. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller journals; seq and the hashes are added here. */
export interface JournalEvent {
  at: number;
  actor: string;
  action: string;
  subject: string;
  payload: unknown;
}

/**
 * Why the chain is broken. 'truncated': lines main had witnessed are gone from the end; 'witness-mismatch': the
 * line main witnessed at that seq now has another hash (rewritten together with everything after it).
 */
export type JournalBreak = 'hash-mismatch' | 'prev-mismatch' | 'seq-gap' | 'truncated' | 'witness-mismatch';

/** The newest line main's witness saw (src/main/journal/journal-witness.ts). */
export interface WitnessedHead {
  seq: number;
  hash: string;
}

export type JournalVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; firstBroken: { seq: number; reason: JournalBreak } };

/** The hash of a line: SHA-256 over the canonical JSON of every field but `hash`. */
export function journalHash(line: Omit<JournalRecord, 'hash'>): string {
  const text = canonicalJson({
    seq: line.seq,
    at: line.at,
    actor: line.actor,
    action: line.action,
    subject: line.subject,
    payload: line.payload,
    prevHash: line.prevHash,
  });
  return bytesToHex(sha256(utf8ToBytes(text)));
}

function requireJournalTransaction(): void {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('journal')) {
    // A programming error, not user input: a journal line written outside the change's transaction could
    // survive a rolled-back change (or vanish after a committed one).
    throw new AppFailure('INTERNAL', 'appendJournal phải chạy trong giao dịch ghi có bảng journal.');
  }
}

/**
 * Appends one line to the journal and returns it. Must be called inside a Dexie 'rw' transaction that includes
 * `db.journal` (the same one as the change it records), so both commit or roll back together.
 * Throws AppFailure INTERNAL when called outside such a transaction, VALIDATION for a malformed event.
 */
export async function appendJournal(db: AppDB, e: JournalEvent): Promise<JournalRecord> {
  requireJournalTransaction();
  if (!Number.isSafeInteger(e.at) || typeof e.actor !== 'string' || typeof e.action !== 'string' || e.action === '' || typeof e.subject !== 'string') {
    throw new AppFailure('VALIDATION', 'Dòng nhật ký không hợp lệ (thời điểm, người thực hiện, thao tác hoặc đối tượng).');
  }
  const payload = canonicalJson(e.payload ?? null);
  const last = await db.journal.orderBy('seq').last();
  const partial: Omit<JournalRecord, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    payload,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const line: JournalRecord = { ...partial, hash: journalHash(partial) };
  await db.journal.add(line);
  return line;
}

/** Lines read per step while verifying, so a long journal is never loaded whole. */
const VERIFY_PAGE = 2000;

/**
 * Walks the whole journal in order and checks, line by line: no missing seq ('seq-gap', reported at the first
 * missing seq), the line's own hash ('hash-mismatch') and the link to the previous line ('prev-mismatch'). With
 * main's witnessed head it also checks that the witnessed line is still there ('truncated', reported at the first
 * missing seq) with the same hash ('witness-mismatch'). `count` is the number of lines found intact (before the
 * first break).
 */
export async function verifyJournal(db: AppDB, witness: WitnessedHead | null = null): Promise<JournalVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const page = await db.journal.where('seq').aboveOrEqual(expectedSeq).limit(VERIFY_PAGE).toArray();
    for (const line of page) {
      if (line.seq !== expectedSeq) return { ok: false, count, firstBroken: { seq: expectedSeq, reason: 'seq-gap' } };
      const { hash, ...rest } = line;
      if (journalHash(rest) !== hash) return { ok: false, count, firstBroken: { seq: line.seq, reason: 'hash-mismatch' } };
      if (line.prevHash !== prevHash) return { ok: false, count, firstBroken: { seq: line.seq, reason: 'prev-mismatch' } };
      if (witness && line.seq === witness.seq && hash !== witness.hash) {
        return { ok: false, count, firstBroken: { seq: line.seq, reason: 'witness-mismatch' } };
      }
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (page.length < VERIFY_PAGE) break;
  }
  if (witness && count < witness.seq) return { ok: false, count, firstBroken: { seq: count + 1, reason: 'truncated' } };
  return { ok: true, count };
}
