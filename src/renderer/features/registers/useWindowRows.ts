/**
 * Rows for the visible window of a virtual list: only the ids on screen (rounded to blocks) are loaded with
 * loadRowsAt, live, so a register of 200,000 entries costs one small bulkGet per scroll step.
 *
 * Rows are kept across scroll steps and filter changes so the table does not blank while the next window loads,
 * but a kept row is shown only while it is current: each row remembers the journal head it was read at, and a row
 * read before the last change the search cache has seen for its entry (entryChangeSeq, e.g. a cancel that has
 * just committed) gives way to a placeholder until its live query brings the new state. Without this, a search
 * typed right after a cancel showed the entry from the old window as still active (issue 7; Art. 9.4, 9.5).
 */
import { useRef } from 'react';
import { loadRowsAt } from '../../db/queries/register-search';
import { useLiveQuery } from '../../db/queries/hooks';
import { entryChangeSeq } from '../../db/queries/search-cache';
import type { RegisterRow } from '../../db/records';
import { useDeps } from '../../stores/AppContext';

/** Windows are rounded to blocks of this many rows, so small scrolls reuse the same query. */
const BLOCK = 50;

interface KeptRow {
  row: RegisterRow;
  /** Journal head when the row was read. */
  seq: number;
}

export function useWindowRows(ids: readonly number[], first: number, last: number): Map<number, RegisterRow> {
  const { db } = useDeps();
  const cache = useRef(new Map<number, KeptRow>());
  const start = Math.max(0, Math.floor(first / BLOCK) * BLOCK);
  const end = Math.min(ids.length, Math.ceil((last + 1) / BLOCK) * BLOCK + BLOCK);
  const loaded = useLiveQuery(() => loadRowsAt(db, ids.slice(start, end)), [db, ids, start, end]);
  if (loaded) {
    // Keep the cache bounded to the current window plus what was just loaded.
    if (cache.current.size > 4 * (end - start) + 4 * BLOCK) cache.current = new Map();
    for (const row of loaded.rows) {
      const id = row.entry.id;
      if (id === undefined) continue;
      const kept = cache.current.get(id);
      if (kept === undefined || kept.seq <= loaded.seq) cache.current.set(id, { row, seq: loaded.seq });
    }
  }
  const current = new Map<number, RegisterRow>();
  for (const [id, kept] of cache.current) if (kept.seq >= entryChangeSeq(db, id)) current.set(id, kept.row);
  return current;
}
