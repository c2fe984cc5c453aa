/**
 * The crash scenario of issue 8, shared by the crash test and `npm run bench:sync`: the engine runs in a child
 * process (sync-child.ts) syncing N packages from the test axis; it is killed with SIGKILL at seeded random points
 * (after a random number of its progress events, so the kill lands wherever the child is by then), its spool is
 * audited after every kill, and it is restarted, until the kill count is reached; a last run completes the work.
 * Waits for states, never for fixed times.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { samplePackage } from './sample-package';
import type { TestAxis } from './test-axis';
import { waitFor } from './wait-for';

const CHILD = fileURLToPath(new URL('./sync-child.mjs', import.meta.url));

/** mulberry32: a small seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Credentials {
  systemId: string;
  secret: string;
  agencyCode: string;
}

interface Running {
  child: ChildProcess;
  events: number;
  exited: Promise<number | null>;
  stderr: string[];
}

function start(dataDir: string, axis: TestAxis, me: Credentials, outgoing: number, peer: string): Running {
  const child = spawn(process.execPath, [CHILD, dataDir, axis.url, axis.style, me.systemId, me.secret, String(outgoing), peer], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Running = { child, events: 0, stderr: [], exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  createInterface({ input: child.stdout! }).on('line', () => (run.events += 1));
  createInterface({ input: child.stderr! }).on('line', (l) => run.stderr.length < 50 && run.stderr.push(l));
  return run;
}

/** Every item in a state directory is complete: both files, the package matches the hash in its meta. */
export async function auditSpool(dataDir: string): Promise<{ problems: string[]; counts: Record<string, number> }> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  const layout: Array<[string, string[]]> = [
    ['incoming', ['stored', 'ready', 'ingested', 'quarantine']],
    ['outgoing', ['pending', 'sent']],
  ];
  for (const [side, states] of layout) {
    for (const state of states) {
      const ids = await readdir(join(dataDir, side, state)).catch(() => [] as string[]);
      counts[`${side}/${state}`] = ids.length;
      for (const id of ids) {
        const dir = join(dataDir, side, state, id);
        const names = (await readdir(dir)).sort();
        const stray = names.filter((n) => n !== 'meta.json' && n !== 'package.edxml' && !n.endsWith('.tmp'));
        if (!names.includes('meta.json') || !names.includes('package.edxml') || stray.length > 0) {
          problems.push(`${side}/${state}/${id}: files ${names.join(',')}`);
          continue;
        }
        const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as { sha256: string; size: number };
        const bytes = await readFile(join(dir, 'package.edxml'));
        if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256 || bytes.length !== meta.size) problems.push(`${side}/${state}/${id}: package does not match its meta`);
        if (side === 'incoming' && id !== meta.sha256) problems.push(`${side}/${state}/${id}: id is not the package hash`);
      }
    }
  }
  return { problems, counts };
}

/** Items per state directory (safe while the child runs: only directory listings). */
export async function countSpool(dataDir: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const state of ['incoming/stored', 'incoming/ready', 'incoming/ingested', 'incoming/quarantine', 'outgoing/pending', 'outgoing/sent']) {
    counts[state] = (await readdir(join(dataDir, state)).catch(() => [] as string[])).length;
  }
  return counts;
}

export interface CrashOutcome {
  kills: number;
  /** Kills whose child had already exited by itself (a crash of the engine: must be 0). */
  selfExits: number;
  auditProblems: string[];
  registerLines: string[];
  counts: Record<string, number>;
  tmpLeft: string[];
  stderr: string[];
  /** Packages ingested when the kills were over (less than all: the kills landed during the sync). */
  ingestedBeforeFinal: number;
}

export interface CrashOptions {
  axis: TestAxis;
  me: Credentials;
  peer: string;
  dataDir: string;
  packages: number;
  outgoing: number;
  kills: number;
  seed: number;
  /** Deadline of the final run to finish everything (generous). */
  finishDeadlineMs?: number;
}

export async function runCrashScenario(o: CrashOptions): Promise<CrashOutcome> {
  const random = seededRandom(o.seed);
  for (let i = 0; i < o.packages; i += 1) o.axis.deliver(o.me.agencyCode, samplePackage({ documentId: `CRASH-${i}`, codeNumber: String(i + 1) }));
  // Each package produces about four events (status changes, registered, ingested): spread the kills over them.
  const maxK = Math.max(2, Math.floor((o.packages * 3) / o.kills));
  const outcome: CrashOutcome = { kills: 0, selfExits: 0, auditProblems: [], registerLines: [], counts: {}, tmpLeft: [], stderr: [], ingestedBeforeFinal: 0 };
  for (let k = 0; k < o.kills; k += 1) {
    const run = start(o.dataDir, o.axis, o.me, o.outgoing, o.peer);
    const target = 1 + Math.floor(random() * maxK);
    let exitedEarly = false;
    void run.exited.then(() => (exitedEarly = true));
    await waitFor(() => run.events >= target || exitedEarly, `child event ${target}`, 120_000);
    if (exitedEarly) {
      outcome.selfExits += 1;
      outcome.stderr.push(...run.stderr);
    } else {
      run.child.kill('SIGKILL');
      outcome.kills += 1;
    }
    await run.exited;
    const audit = await auditSpool(o.dataDir);
    outcome.auditProblems.push(...audit.problems);
  }
  outcome.ingestedBeforeFinal = (await countSpool(o.dataDir))['incoming/ingested'] ?? 0;
  // The last run: everything must get through.
  const final = start(o.dataDir, o.axis, o.me, o.outgoing, o.peer);
  const registerLog = join(o.dataDir, 'register.log');
  await waitFor(async () => {
    const audit = { counts: await countSpool(o.dataDir) };
    const inboxDone = o.axis.inbox(o.me.agencyCode).every((i) => i.state !== 'pending');
    return inboxDone && audit.counts['incoming/ingested'] === o.packages && audit.counts['outgoing/pending'] === 0 && audit.counts['outgoing/sent'] === o.outgoing;
  }, 'final run to finish', o.finishDeadlineMs ?? 240_000);
  final.child.kill('SIGTERM');
  await final.exited;
  outcome.stderr.push(...final.stderr);
  const audit = await auditSpool(o.dataDir);
  outcome.auditProblems.push(...audit.problems);
  outcome.counts = audit.counts;
  outcome.registerLines = (await readFile(registerLog, 'utf8')).split('\n').filter((l) => l !== '');
  outcome.tmpLeft = [...(await readdir(join(o.dataDir, 'incoming', 'tmp'))), ...(await readdir(join(o.dataDir, 'outgoing', 'tmp')))];
  return outcome;
}
