/**
 * Rows for the visible window of a virtual list: only the ids on screen (rounded to blocks) are loaded with
 * loadRows, live, so a register of 200,000 entries costs one small bulkGet per scroll step.
 */
import { useRef } from 'react';
import { loadRows } from '../../db/queries/register-search';
import { useLiveQuery } from '../../db/queries/hooks';
import type { RegisterRow } from '../../db/records';
import { useDeps } from '../../stores/AppContext';

/** Windows are rounded to blocks of this many rows, so small scrolls reuse the same query. */
const BLOCK = 50;

export function useWindowRows(ids: readonly number[], first: number, last: number): Map<number, RegisterRow> {
  const { db } = useDeps();
  const cache = useRef(new Map<number, RegisterRow>());
  const start = Math.max(0, Math.floor(first / BLOCK) * BLOCK);
  const end = Math.min(ids.length, Math.ceil((last + 1) / BLOCK) * BLOCK + BLOCK);
  const loaded = useLiveQuery(() => loadRows(db, ids.slice(start, end)), [db, ids, start, end]);
  if (loaded) {
    // Keep the cache bounded to the current window plus what was just loaded.
    if (cache.current.size > 4 * (end - start) + 4 * BLOCK) cache.current = new Map();
    for (const row of loaded) if (row.entry.id !== undefined) cache.current.set(row.entry.id, row);
  }
  return cache.current;
}
