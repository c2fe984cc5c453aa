// Issue 6, item 7: a short fixed-seed fuzz run in CI (the 100,000-input run is `npm run bench:fuzz`). Every mutated
// file gets a verdict with reasons; nothing throws, nothing hangs the suite (the in-file time budget bounds each).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verifyPdf } from '../../../src/main/signing/verify/verify-pdf';
import { caseArb, mutate } from '../../support/pdf/mutations';
import { fuzzCorpus } from '../../support/pdf/fuzz-corpus';

const VERDICTS = ['valid', 'valid-with-allowed-changes', 'invalid', 'unknown', 'unsigned'];
let corpus: Uint8Array[];

beforeAll(async () => {
  corpus = await fuzzCorpus(200_000);
});

describe('verifier fuzz (fixed seed)', () => {
  it('300 mutated corpus files: a verdict and reasons for each, no exception', async () => {
    const verdicts = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(caseArb(corpus.length), async ({ file, mutations }) => {
        const r = await verifyPdf(mutate(corpus, file, mutations), { integrityOnly: true });
        expect(VERDICTS).toContain(r.verdict);
        expect(Array.isArray(r.reasons) && r.reasons.every((x) => typeof x === 'string' && x.length > 0)).toBe(true);
        if (r.verdict !== 'valid' && r.verdict !== 'valid-with-allowed-changes') expect(r.reasons.length).toBeGreaterThan(0);
        verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
      }),
      { numRuns: 300, seed: 20261202, endOnFailure: true },
    );
    // The mutations reach past the first checks: several kinds of verdict come out, not only "not a PDF".
    expect(verdicts.size).toBeGreaterThanOrEqual(3);
  });
});
