/**
 * Views read records through live queries (house rule 12): the querier re-runs whenever a table range it read
 * changes, in this tab or another. `useLiveQuery` has the shape of dexie-react-hooks' hook [A9
 * `libs/dexie-react-hooks/src/useLiveQuery.ts`], written on Dexie's own `liveQuery` so no extra package is needed.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { AppDB } from '../db';
import type { AccountRecord, OutgoingDraftRecord, RegisterKind, RegisterRow } from '../records';
import { listWaitingDrafts } from '../outgoing-drafts';
import { listAccounts } from '../accounts';
import { listSenders, listYears, loadRows, searchRegister, type RegisterFilter } from './register-search';

/**
 * The latest result of `querier`, re-run when `deps` change or the data it read changes; `undefined` until the
 * first result (or `defaultResult` when given). A failing querier is logged and leaves the last result in place.
 */
export function useLiveQuery<T>(querier: () => Promise<T> | T, deps?: readonly unknown[]): T | undefined;
export function useLiveQuery<T, D>(querier: () => Promise<T> | T, deps: readonly unknown[], defaultResult: D): T | D;
export function useLiveQuery<T, D>(querier: () => Promise<T> | T, deps: readonly unknown[] = [], defaultResult?: D): T | D | undefined {
  const [state, setState] = useState<{ value: T | D | undefined }>({ value: defaultResult });
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setState({ value }),
      error: (cause: unknown) => console.error('[db] live query failed', cause),
    });
    return () => subscription.unsubscribe();
    // The caller's deps decide when the querier is new, as with useEffect itself.
  }, deps);
  return state.value;
}

/** Entry ids of a register filter, in register order, kept live. */
export function useRegisterIds(db: AppDB, filter: RegisterFilter): number[] | undefined {
  const { kind, year, urgency, sender, status, text } = filter;
  return useLiveQuery(() => searchRegister(db, { kind, year, urgency, sender, status, text }), [db, kind, year, urgency, sender, status, text]);
}

/** Rows (entry + document) of a window of ids, kept live. */
export function useRows(db: AppDB, ids: readonly number[]): RegisterRow[] | undefined {
  return useLiveQuery(() => loadRows(db, ids), [db, ids]);
}

/** Years that have a register of this kind. */
export function useRegisterYears(db: AppDB, kind: RegisterKind): number[] | undefined {
  return useLiveQuery(() => listYears(db, kind), [db, kind]);
}

/** Senders of a register kind (one year or all). */
export function useSenders(db: AppDB, kind: RegisterKind, year?: number): { folded: string; display: string }[] | undefined {
  return useLiveQuery(() => listSenders(db, kind, year), [db, kind, year]);
}

/** Every account, by user name. */
export function useAccounts(db: AppDB): AccountRecord[] | undefined {
  return useLiveQuery(() => listAccounts(db), [db]);
}

/** Personally signed drafts waiting for the clerk's number (Art. 11.1b), oldest first, kept live. */
export function useWaitingDrafts(db: AppDB): OutgoingDraftRecord[] | undefined {
  return useLiveQuery(() => listWaitingDrafts(db), [db]);
}
