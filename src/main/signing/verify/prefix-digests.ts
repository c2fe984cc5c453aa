/**
 * One SHA-256 pass over a file for every hash the verifier needs (issue 6: "one hashing pass is the floor").
 * Each signature's ByteRange [0, b) + [c, c + d) starts with a prefix of the file, a receipt is looked up by the
 * hash of the whole file or of a revision (a prefix too), and the blob store names a file by the hash of the whole:
 * all of them continue from SHA-256 states of prefixes. The file is hashed once up to the largest offset asked
 * for, the state is copied at each offset (Node's Hash.copy), and each ByteRange only adds its short second range
 * (from the end of its /Contents to the end of its revision). A two-signature 50 MB scan was hashed five times
 * for a full verification before (each range, the receipt of the whole file and of each revision).
 */
import { createHash, type Hash } from 'node:crypto';

export class PrefixDigests {
  private readonly bytes: Uint8Array;
  private readonly states = new Map<number, Hash>();

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** Hash the file once up to the largest of `offsets`, keeping the state at each (bad offsets are ignored). */
  prepare(offsets: Iterable<number>): void {
    const points = [...new Set(offsets)]
      .filter((o) => Number.isInteger(o) && o >= 0 && o <= this.bytes.length && !this.states.has(o))
      .sort((x, y) => x - y);
    if (points.length === 0) return;
    // Start from the furthest state already kept below the first new point.
    const start = Math.max(0, ...[...this.states.keys()].filter((k) => k <= (points[0] ?? 0)));
    const running = this.at(start);
    let pos = start;
    for (const p of points) {
      running.update(this.bytes.subarray(pos, p));
      pos = p;
      this.states.set(p, running.copy());
    }
  }

  /** A fresh hash holding bytes [0, offset): a copy of the kept state, or hashed now when none was kept. */
  private at(offset: number): Hash {
    const kept = this.states.get(offset);
    return kept ? kept.copy() : createHash('sha256').update(this.bytes.subarray(0, offset));
  }

  /** SHA-256 of bytes [0, end). */
  prefix(end: number): Buffer {
    return this.at(Math.max(0, Math.min(end, this.bytes.length))).digest();
  }

  /** SHA-256 of the ByteRange's two ranges [a, a + b) and [c, c + d). */
  ranges(byteRange: readonly number[]): Buffer {
    const [a = 0, b = 0, c = 0, d = 0] = byteRange;
    const head = a === 0 ? this.at(Math.min(b, this.bytes.length)) : createHash('sha256').update(this.bytes.subarray(a, a + b));
    return head.update(this.bytes.subarray(c, c + d)).digest();
  }
}
