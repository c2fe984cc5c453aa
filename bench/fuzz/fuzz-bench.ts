/**
 * Verifier fuzz run (issue 6, item 7): FUZZ_RUNS (default 100,000) mutated corpus files (test/support/pdf/
 * mutations.ts over the attack samples and our own signed files), fixed seed FUZZ_SEED, verified in the worker
 * pool (two threads, 10 s wall-clock bound per file, heap bound per worker) exactly as the app verifies incoming
 * files. Counts crashes (an exception, or a worker that died other than by a bound), hangs (a file stopped by the
 * wall-clock bound) and the peak resident memory of the whole process.
 * Last line: RESULT fuzz inputs=… crashes=0 hangs=0 max_rss_mb=… verdicts_invalid=… …
 */
import { resourceUsage } from 'node:process';
import fc from 'fast-check';
import { VerifyPool } from '../../src/main/signing/verify/verify-worker';
import { caseArb, mutate } from '../../test/support/pdf/mutations';
import { fuzzCorpus } from '../../test/support/pdf/fuzz-corpus';

const runs = Number(process.env.FUZZ_RUNS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const BATCH = 500;

async function main(): Promise<void> {
  const corpus = await fuzzCorpus(400_000);
  const pool = new VerifyPool({ size: 2, timeoutMs: 10_000, maxMemoryMb: 768 });
  const arb = caseArb(corpus.length);
  const verdicts = new Map<string, number>();
  let crashes = 0;
  let hangs = 0;
  let done = 0;
  const started = Date.now();
  for (let b = 0; b * BATCH < runs; b += 1) {
    const n = Math.min(BATCH, runs - b * BATCH);
    const cases = fc.sample(arb, { numRuns: n, seed: seed + b });
    await Promise.all(cases.map(async ({ file, mutations }) => {
      try {
        const r = await pool.verify(mutate(corpus, file, mutations), { integrityOnly: true });
        const why = r.reasons.join(' ');
        if (/vượt giới hạn kiểm tra an toàn: kiểm tra một tệp quá/.test(why)) {
          hangs += 1;
          // Kept so the case can be replayed alone (FUZZ_REPLAY): a real hang, or a file slowed by a busy machine?
          console.log(`HANG ${JSON.stringify({ file, mutations })}`);
        }
        else if (/luồng kiểm tra (gặp lỗi|dừng bất thường)|không kiểm tra được tệp/.test(why)) crashes += 1;
        verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
      } catch (err) {
        crashes += 1;
        console.error('crash', err);
      }
    }));
    done += n;
    if (b % 20 === 0) console.log(`${done}/${runs} inputs, ${crashes} crashes, ${hangs} hangs, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await pool.close();
  const maxRssMb = Math.round(resourceUsage().maxRSS / 1024);
  const v = [...verdicts].map(([k, n]) => `verdicts_${k.replace(/-/g, '_')}=${n}`).join(' ');
  console.log(`corpus=${corpus.length} files, seed=${seed}, ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`RESULT fuzz inputs=${done} crashes=${crashes} hangs=${hangs} max_rss_mb=${maxRssMb} ${v}`);
}

await main();
