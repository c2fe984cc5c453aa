/**
 * One SHA-256 pass over a file for every hash the verifier needs (issue 6: "one hashing pass is the floor").
 * Each signature's ByteRange [0, b) + [c, c + d) starts with a prefix of the file, a receipt is looked up by the
 * hash of the whole file or of a revision (a prefix too), and the blob store names a file by the hash of the whole:
 * all of them continue from SHA-256 states of prefixes. The file is hashed once (while it is read, when the reader
 * keeps a state per chunk, or up to the largest offset asked for), the state is copied at each offset (Node's
 * Hash.copy), and each ByteRange only adds its short second range (from the end of its /Contents to the end of its
 * revision). A two-signature 50 MB scan was hashed five times
 * for a full verification before (each range, the receipt of the whole file and of each revision).
 */
import { createHash, type Hash } from 'node:crypto';

export class PrefixDigests {
  private readonly bytes: Uint8Array;
  private readonly states = new Map<number, Hash>();

  /** `states`: SHA-256 states of prefixes already taken, keyed by their length (e.g. while the file was read). */
  constructor(bytes: Uint8Array, states?: ReadonlyMap<number, Hash>) {
    this.bytes = bytes;
    for (const [at, state] of states ?? []) if (at >= 0 && at <= bytes.length) this.states.set(at, state);
  }

  /** Keep the state at each of `offsets` (bad offsets are ignored), each continued from the nearest one below. */
  prepare(offsets: Iterable<number>): void {
    const points = [...new Set(offsets)]
      .filter((o) => Number.isInteger(o) && o >= 0 && o <= this.bytes.length && !this.states.has(o))
      .sort((x, y) => x - y);
    for (const p of points) this.states.set(p, this.at(p));
  }

  /** A fresh hash holding bytes [0, offset), continued from the nearest kept state at or below `offset`. */
  private at(offset: number): Hash {
    let base = -1;
    for (const k of this.states.keys()) if (k <= offset && k > base) base = k;
    const start = base >= 0 ? (this.states.get(base) as Hash).copy() : createHash('sha256');
    return start.update(this.bytes.subarray(Math.max(base, 0), offset));
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
