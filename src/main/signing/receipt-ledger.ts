/**
 * Receipt ledger: our own proof of existence (PoE, ETSI EN 319 102-1 §5.6.2.4 "proof of existence"; issue 6
 * item 4). When a document is verified on receipt (Art. 9.2), main appends one line with the SHA-256 of the exact
 * bytes, the time and the verdict. Later verification of the same bytes may then judge certificate validity and
 * revocation at the receipt time instead of "now", which no peer tool offers.
 *
 * Format: `<data dir>/receipts/receipts.jsonl`, one JSON object per line
 * `{ seq, sha256, time, verdict, prev, hash }`, where `hash = sha256(seq|sha256|time|verdict|prev)` and `prev` is
 * the previous line's `hash` (64 zeros for the first). Lines are appended with one write followed by fsync; a
 * torn last line (a crash during the write) is dropped by an atomic rewrite before the next append. Reading checks
 * the whole chain: records after the first broken line are never used as proof.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';

export const RECEIPTS_FILE = 'receipts.jsonl';
const GENESIS = '0'.repeat(64);
/** A ledger larger than this is not read (bounded input); receipts stay far below it (about 200 bytes a line). */
export const MAX_LEDGER_BYTES = 256 * 1024 * 1024;

export interface ReceiptRecord {
  seq: number;
  sha256: string;
  /** ISO 8601 UTC time of the receipt verification. */
  time: string;
  verdict: string;
  prev: string;
  hash: string;
}

export interface LedgerState {
  records: ReceiptRecord[];
  /** False when a line does not parse or does not chain; `records` then ends before it. */
  intact: boolean;
  /** 1-based line number of the first bad line, if any. */
  brokenAt: number | null;
}

function lineHash(r: Omit<ReceiptRecord, 'hash'>): string {
  return createHash('sha256').update(`${r.seq}|${r.sha256}|${r.time}|${r.verdict}|${r.prev}`).digest('hex');
}

function parseLine(line: string, prev: string, seq: number): ReceiptRecord | null {
  try {
    const r = JSON.parse(line) as Partial<ReceiptRecord>;
    if (typeof r.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.sha256) || typeof r.time !== 'string' || Number.isNaN(Date.parse(r.time))) return null;
    if (typeof r.verdict !== 'string' || r.verdict.length > 40 || r.seq !== seq || r.prev !== prev || typeof r.hash !== 'string') return null;
    const rec: ReceiptRecord = { seq: r.seq, sha256: r.sha256, time: r.time, verdict: r.verdict, prev: r.prev, hash: r.hash };
    return lineHash(rec) === rec.hash ? rec : null;
  } catch {
    return null;
  }
}

/** The append-only receipt ledger of one data directory. */
export class ReceiptLedger {
  private readonly dir: string;
  private readonly now: () => Date;

  /** `dir` is `<data dir>/receipts`; `now` gives the receipt time (injected for tests). */
  constructor(dir: string, now: () => Date = () => new Date()) {
    this.dir = dir;
    this.now = now;
  }

  /** The ledger's directory (the verification worker opens it read-only). */
  get directory(): string {
    return this.dir;
  }

  private get file(): string {
    return join(this.dir, RECEIPTS_FILE);
  }

  /** Read and check the whole chain. */
  read(): LedgerState {
    if (!existsSync(this.file)) return { records: [], intact: true, brokenAt: null };
    const text = readFileSync(this.file, 'utf8');
    if (text.length > MAX_LEDGER_BYTES) return { records: [], intact: false, brokenAt: 1 };
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const records: ReceiptRecord[] = [];
    let prev = GENESIS;
    for (const [i, line] of lines.entries()) {
      const rec = parseLine(line, prev, records.length + 1);
      if (!rec) return { records, intact: false, brokenAt: i + 1 };
      records.push(rec);
      prev = rec.hash;
    }
    return { records, intact: true, brokenAt: null };
  }

  /**
   * Append a receipt of `sha256` with `verdict`; returns the record. A torn last line is dropped first (atomic
   * rewrite of the good prefix); a break in the middle of the chain is never papered over: it throws.
   */
  record(sha256: string, verdict: string): ReceiptRecord {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('receipt: sha256 must be 64 lowercase hex digits');
    mkdirSync(this.dir, { recursive: true });
    const state = this.read();
    if (!state.intact) {
      const lines = existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n') : [];
      if (lines[lines.length - 1] === '') lines.pop();
      // Only the very last line may be damaged (an interrupted append); anything else is tampering.
      if (state.brokenAt !== lines.length) throw new Error(`receipt ledger broken at line ${state.brokenAt ?? 0}`);
      writeFileAtomic(this.file, new TextEncoder().encode(state.records.map((r) => `${JSON.stringify(r)}\n`).join('')));
    }
    const last = state.records[state.records.length - 1];
    const base = { seq: (last?.seq ?? 0) + 1, sha256, time: this.now().toISOString(), verdict: verdict.slice(0, 40), prev: last?.hash ?? GENESIS };
    const rec: ReceiptRecord = { ...base, hash: lineHash(base) };
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, `${JSON.stringify(rec)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return rec;
  }

  /** The earliest intact receipt of exactly these bytes, or null. */
  earliest(sha256: string): ReceiptRecord | null {
    return this.read().records.find((r) => r.sha256 === sha256) ?? null;
  }
}
