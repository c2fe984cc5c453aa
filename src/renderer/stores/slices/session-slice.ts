/**
 * Session: who is signed in, whether the session is locked, and when the user last did something
 * (Art. 3.7: accounts are a user name and a password; an idle workstation locks and asks for it again).
 */
import type { StateCreator } from 'zustand';
import type { Settings } from '../../../shared/api/schemas';
import type { Role } from '../../../shared/domain/roles';
import type { AccountRecord } from '../../db/records';
import { authenticate, createFirstAdmin } from '../../db/accounts';
import { warmRegisterSearch } from '../../db/queries/register-search';
import type { AppDeps } from '../deps';
import type { AppState } from '../app-store';

/** The signed-in account as the UI needs it (never the password hash). */
export interface SessionAccount {
  id: string;
  username: string;
  fullName: string;
  role: Role;
}

/** Minutes before the lock when settings have not been loaded yet. */
export const DEFAULT_LOCK_MINUTES = 15;

export type LoginOutcome = 'ok' | 'wrong' | 'error';

export interface SessionSlice {
  account: SessionAccount | null;
  locked: boolean;
  lastActivity: number;
  settings: Settings | null;
  /** True while the first administrator is being created and signed in (the first-run screen stays up). */
  settingUp: boolean;
  setSettings(settings: Settings): void;
  /** First run: creates the administrator (Art. 3.7) and signs in with it; throws what the data layer throws. */
  setupFirstAdmin(input: { username: string; fullName: string; password: string }): Promise<LoginOutcome>;
  /** Checks the password through the data layer and opens the session. */
  login(username: string, password: string): Promise<LoginOutcome>;
  /** Re-enters the locked session of the same account. */
  unlock(password: string): Promise<LoginOutcome>;
  logout(): void;
  /** Records user activity (ignored while locked: only the password unlocks). */
  touch(): void;
  lock(): void;
  /** Locks when the last activity is older than settings.lockAfterMinutes; returns whether it is locked. */
  checkIdle(): boolean;
}

function toSessionAccount(a: AccountRecord): SessionAccount {
  return { id: a.id, username: a.username, fullName: a.fullName, role: a.role };
}

export function createSessionSlice(deps: AppDeps): StateCreator<AppState, [], [], SessionSlice> {
  const attempt = async (username: string, password: string): Promise<AccountRecord | null | 'error'> => {
    try {
      return await authenticate(deps.db, deps.api, username, password, deps.now().getTime());
    } catch (cause) {
      console.error('[session] login failed', cause);
      return 'error';
    }
  };
  return (set, get) => ({
    account: null,
    locked: false,
    lastActivity: deps.now().getTime(),
    settings: null,
    settingUp: false,
    setSettings: (settings) => set({ settings }),
    setupFirstAdmin: async (input) => {
      // Without this flag the screen would flash to the login form between the two steps, because the
      // account list (a live query) changes before the sign-in has finished.
      set({ settingUp: true });
      try {
        await createFirstAdmin(deps.db, deps.api, { ...input, at: deps.now().getTime() });
        return await get().login(input.username, input.password);
      } finally {
        set({ settingUp: false });
      }
    },
    login: async (username, password) => {
      const found = await attempt(username, password);
      if (found === 'error') return 'error';
      if (found === null) return 'wrong';
      set({ account: toSessionAccount(found), locked: false, lastActivity: deps.now().getTime() });
      // Load the register search cache now, while the clerk looks at the first screen, so the first search
      // answers as fast as the hundredth (bench/register-search reports the cold load apart).
      void warmRegisterSearch(deps.db).catch((cause: unknown) => console.error('[session] search warm-up failed', cause));
      return 'ok';
    },
    unlock: async (password) => {
      const current = get().account;
      if (current === null) return 'wrong';
      const found = await attempt(current.username, password);
      if (found === 'error') return 'error';
      if (found === null || found.id !== current.id) return 'wrong';
      set({ account: toSessionAccount(found), locked: false, lastActivity: deps.now().getTime() });
      return 'ok';
    },
    logout: () => set({ account: null, locked: false, dialog: null, toasts: [] }),
    touch: () => {
      if (!get().locked) set({ lastActivity: deps.now().getTime() });
    },
    lock: () => {
      if (get().account !== null) set({ locked: true, dialog: null });
    },
    checkIdle: () => {
      const { account, locked, lastActivity, settings } = get();
      if (account === null) return false;
      if (locked) return true;
      const limitMs = (settings?.lockAfterMinutes ?? DEFAULT_LOCK_MINUTES) * 60_000;
      if (deps.now().getTime() - lastActivity >= limitMs) {
        set({ locked: true, dialog: null });
        return true;
      }
      return false;
    },
  });
}
