/**
 * The journal witness: main keeps the newest (seq, hash) of the renderer's audit journal in a file of its own.
 * The hash chain shows an edited or removed line, but not lines cut off the end: nothing points forward to the
 * last one. With the witness, verification also checks that the line main last saw is still there, unchanged
 * (Art. 3.3 integrity: data is not changed or lost while stored).
 *
 * The renderer reports the head after its transactions commit, so the witness may lag behind the journal (a crash
 * in between), never run ahead of it. It only moves forward: a lower seq is refused, because a journal that went
 * backwards lost lines, and that must stay visible.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../shared/api/result';
import { writeFileAtomic } from '../storage/atomic-file';

export const WITNESS_FILE = 'journal-head.json';

export interface JournalHead {
  seq: number;
  hash: string;
}

export interface JournalWitness {
  /** The newest head seen, or null before the first report. Errors: INTERNAL (unreadable file). */
  head(): Promise<JournalHead | null>;
  /**
   * Records a newer head. The same head again is accepted (idempotent). Errors: CONFLICT when `seq` is lower than
   * the recorded one, or equal with another hash (the journal was cut or rewritten).
   */
  record(next: JournalHead): Promise<JournalHead>;
}

function isHead(value: unknown): value is JournalHead {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Number.isSafeInteger(v.seq) && (v.seq as number) >= 1 && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash);
}

export function createJournalWitness(options: { dataDir: string; log?: Pick<Console, 'warn'> }): JournalWitness {
  const file = join(options.dataDir, WITNESS_FILE);
  // Reports arrive one after another from the renderer, but two windows could race: serialise the read-check-write.
  let chain: Promise<unknown> = Promise.resolve();
  // A window whose journal is behind keeps reporting after every change: say it in the log once per launch.
  let warned = false;

  async function read(): Promise<JournalHead | null> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw cause;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (!isHead(parsed)) throw new AppFailure('INTEGRITY', 'Tệp chứng kiến nhật ký bị hỏng.');
    return { seq: parsed.seq, hash: parsed.hash };
  }

  return {
    head: () => read(),
    record(next) {
      const run = chain.then(async () => {
        const current = await read();
        if (current && (next.seq < current.seq || (next.seq === current.seq && next.hash !== current.hash))) {
          if (!warned) options.log?.warn('[journal] head went backwards or was rewritten', { recorded: current.seq, reported: next.seq });
          warned = true;
          throw new AppFailure('CONFLICT', `Nhật ký đã từng có dòng ${current.seq}; dòng cuối hiện tại là ${next.seq}.`, { recorded: current });
        }
        if (!current || next.seq > current.seq) await writeFileAtomic(file, `${JSON.stringify({ seq: next.seq, hash: next.hash })}\n`);
        return { seq: next.seq, hash: next.hash };
      });
      chain = run.catch(() => undefined);
      return run;
    },
  };
}
