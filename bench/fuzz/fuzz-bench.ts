/**
 * Verifier fuzz run (issue 6, item 7): FUZZ_RUNS (default 100,000) mutated corpus files (test/support/pdf/
 * mutations.ts over the attack samples and our own signed files), fixed seed FUZZ_SEED, verified in the worker
 * pool (two threads, 10 s wall-clock bound per file, heap bound per worker) exactly as the app verifies incoming
 * files. Counts crashes (an exception, or a worker that died other than by a bound), hangs (a file stopped by the
 * wall-clock bound that is stopped again when replayed alone with a 120 s bound; one that then finishes is counted
 * as slow_under_load) and the peak resident memory of the whole process.
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
const REPLAY_MS = 120_000;

async function main(): Promise<void> {
  const corpus = await fuzzCorpus(400_000);
  const pool = new VerifyPool({ size: 2, timeoutMs: 10_000, maxMemoryMb: 768 });
  const arb = caseArb(corpus.length);
  const verdicts = new Map<string, number>();
  let crashes = 0;
  let hangs = 0;
  let slow = 0;
  const stopped: Array<{ file: number; mutations: Parameters<typeof mutate>[2] }> = [];
  const replayPool = new VerifyPool({ size: 1, timeoutMs: REPLAY_MS, maxMemoryMb: 768 });
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
          // Stopped by the wall bound while sharing the machine: replayed alone once the batch is done.
          stopped.push({ file, mutations });
        }
        else if (/luồng kiểm tra (gặp lỗi|dừng bất thường)|không kiểm tra được tệp/.test(why)) crashes += 1;
        verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
      } catch (err) {
        crashes += 1;
        console.error('crash', err);
      }
    }));
    // A hang is an input that never finishes: each one stopped above is verified again alone, with a generous
    // bound (REPLAY_MS). The verifier's own time budget (pdf-limits.ts, 30 s) answers a merely slow file with an
    // "invalid: quá thời gian" verdict, so only an input that outlives that bound too is counted as a hang.
    for (const c of stopped.splice(0)) {
      const t0 = Date.now();
      const r = await replayPool.verify(mutate(corpus, c.file, c.mutations), { integrityOnly: true });
      const hung = /vượt giới hạn kiểm tra an toàn: kiểm tra một tệp quá/.test(r.reasons.join(' '));
      if (hung) hangs += 1;
      else slow += 1;
      console.log(`${hung ? 'HANG' : 'SLOW'} ${Date.now() - t0} ms alone, ${r.verdict}: ${JSON.stringify(c)}`);
    }
    done += n;
    if (b % 20 === 0) console.log(`${done}/${runs} inputs, ${crashes} crashes, ${hangs} hangs, ${slow} slow only under load, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  await pool.close();
  await replayPool.close();
  const maxRssMb = Math.round(resourceUsage().maxRSS / 1024);
  const v = [...verdicts].map(([k, n]) => `verdicts_${k.replace(/-/g, '_')}=${n}`).join(' ');
  console.log(`corpus=${corpus.length} files, seed=${seed}, ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`RESULT fuzz inputs=${done} crashes=${crashes} hangs=${hangs} max_rss_mb=${maxRssMb} slow_under_load=${slow} ${v}`);
}

await main();
