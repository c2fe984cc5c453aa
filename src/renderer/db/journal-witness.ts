/**
 * Reports the newest audit-journal line to main's witness after every committed change, so lines cut off the end
 * of the journal are detected by "Kiểm tra nhật ký" (see src/main/journal/journal-witness.ts). Runs for the life
 * of the app window; reporting is best-effort: a failed report is logged and retried with the next change.
 */
import { liveQuery } from 'dexie';
import type { ApiClient } from '../../shared/api/client';
import type { AppDB } from './db';

/** Starts following the journal head; returns the function that stops it. */
export function startJournalWitness(db: AppDB, api: Pick<ApiClient, 'invoke'>): () => void {
  let lastSent = 0;
  const subscription = liveQuery(() => db.journal.orderBy('seq').last()).subscribe({
    next: (line) => {
      if (!line || line.seq <= lastSent) return;
      const seq = line.seq;
      void api.invoke('journal.witness', { seq, hash: line.hash }).then((r) => {
        if (r.ok) lastSent = Math.max(lastSent, seq);
        // CONFLICT means this journal is shorter than one main saw: "Kiểm tra nhật ký" shows it to the admin.
        else console.warn('[journal] witness refused the head', r.error.code, r.error.message);
      });
    },
    error: (cause: unknown) => console.error('[journal] cannot follow the journal head', cause),
  });
  return () => subscription.unsubscribe();
}
