// Sums the JSON reports of every suite into the closing line `N passed, N failed` (.ci/run reads it).
// Checks that are not test runners (typecheck, lint, build) count as one test each, so a red check is never
// hidden behind green test counts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? '.ci/out';
let passed = 0;
let failed = 0;

const vitestFile = join(out, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A suite that failed to load has no tests but is a failure.
  failed += (v.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  console.log(`vitest: ${v.numPassedTests ?? 0} passed, ${v.numFailedTests ?? 0} failed, ${v.numPendingTests ?? 0} skipped`);
} else {
  failed += 1;
  console.log('vitest: no report');
}

const e2eFile = join(out, 'e2e.json');
if (existsSync(e2eFile)) {
  const s = JSON.parse(readFileSync(e2eFile, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += (s.unexpected ?? 0) + (s.skipped ?? 0);
  console.log(`e2e: ${s.expected ?? 0} passed, ${s.flaky ?? 0} flaky, ${s.unexpected ?? 0} failed, ${s.skipped ?? 0} skipped`);
} else {
  failed += 1;
  console.log('e2e: no report');
}

const checksFile = join(out, 'checks.txt');
if (existsSync(checksFile)) {
  for (const line of readFileSync(checksFile, 'utf8').split('\n').filter(Boolean)) {
    const [name, state] = line.split(' ');
    if (name === 'vitest' || name === 'e2e') continue; // counted by their reports
    if (state === 'ok') passed += 1;
    else failed += 1;
  }
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(join(out, "summary.txt"), summary + "\n");
console.log(summary);
process.exit(failed > 0 ? 1 : 0);
