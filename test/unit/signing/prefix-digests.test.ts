// One SHA-256 pass serves every hash of a file (issue 6, bench:verify hash_ratio): each answer equals the hash
// computed directly, whatever the order of the offsets asked for, for prefixes and for ByteRanges.
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrefixDigests } from '../../../src/main/signing/verify/prefix-digests';

const direct = (...parts: Uint8Array[]): string => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');

describe('PrefixDigests', () => {
  const bytes = new Uint8Array(randomBytes(64 * 1024));

  it('gives the direct hash of every prefix and ByteRange, prepared in any order, in several rounds', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }),
      fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }),
      fc.tuple(fc.integer({ min: 0, max: bytes.length }), fc.integer({ min: 0, max: 4096 }), fc.integer({ min: 0, max: bytes.length })),
      (first, second, [b, hole, d]) => {
        const p = new PrefixDigests(bytes);
        p.prepare(first);
        p.prepare(second);
        for (const end of [...first, ...second, b]) expect(p.prefix(end).toString('hex')).toBe(direct(bytes.subarray(0, end)));
        const c = Math.min(bytes.length, b + hole);
        const range = [0, b, c, Math.min(d, bytes.length - c)];
        expect(p.ranges(range).toString('hex')).toBe(direct(bytes.subarray(0, b), bytes.subarray(c, c + (range[3] ?? 0))));
      },
    ), { numRuns: 200, seed: 20261202 });
  });

  it('hashes a ByteRange that does not start at 0 directly, and ignores offsets outside the file', () => {
    const p = new PrefixDigests(bytes);
    p.prepare([-1, 1.5, bytes.length + 1, Number.NaN]);
    expect(p.ranges([10, 100, 500, 20]).toString('hex')).toBe(direct(bytes.subarray(10, 110), bytes.subarray(500, 520)));
    expect(p.prefix(bytes.length + 10).toString('hex')).toBe(direct(bytes));
  });
});
