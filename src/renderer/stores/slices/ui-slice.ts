/** UI state only (house rule 12): the current view, register filters, the open dialog, toasts. */
import type { StateCreator } from 'zustand';
import type { RegisterKind } from '../../../shared/api/schemas';
import type { Urgency } from '../../../shared/domain/urgency';
import type { AppDeps } from '../deps';
import type { AppState } from '../app-store';

// New views come last ('signing', then 'scan', then 'exchange') so the Alt+N keys of the earlier views do not move.
export const VIEW_IDS = ['inbox', 'registration', 'incomingRegister', 'outgoingRegister', 'settings', 'signing', 'scan', 'exchange', 'exchangeStats'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export type StatusFilter = 'all' | 'active' | 'cancelled' | 'waiting' | 'transferred';

export interface RegisterFilterState {
  year: number;
  urgency: Urgency | 'all';
  /** Folded issuer, or '' for every sender. */
  sender: string;
  status: StatusFilter;
  text: string;
}

export type DialogState =
  | { kind: 'shortcuts' }
  | { kind: 'cancel-entry'; entryId: number; number: number }
  | { kind: 'preview'; sha256: string; title: string };

export interface Toast {
  id: string;
  tone: 'info' | 'error';
  text: string;
}

/** A scanned document handed from Quét văn bản to the registration form (its PDF is in main's store). */
export interface ScanHandoff {
  sha256: string;
  name: string;
}

export interface UiSlice {
  view: ViewId;
  /** Set by `handOffScan`, taken (and cleared) by the registration view. */
  scanHandoff: ScanHandoff | null;
  /** Open Đăng ký văn bản đến with this scanned PDF. */
  handOffScan(handoff: ScanHandoff): void;
  takeScanHandoff(): ScanHandoff | null;
  registerFilters: Record<RegisterKind, RegisterFilterState>;
  dialog: DialogState | null;
  toasts: Toast[];
  setView(view: ViewId): void;
  setRegisterFilter(kind: RegisterKind, patch: Partial<RegisterFilterState>): void;
  openDialog(dialog: DialogState): void;
  closeDialog(): void;
  pushToast(tone: Toast['tone'], text: string): void;
  dismissToast(id: string): void;
}

/** At most this many toasts stay on screen; older ones drop off. */
const MAX_TOASTS = 4;

export function createUiSlice(deps: AppDeps, currentYear: number): StateCreator<AppState, [], [], UiSlice> {
  const initialFilter = (): RegisterFilterState => ({ year: currentYear, urgency: 'all', sender: '', status: 'all', text: '' });
  return (set, get) => ({
    view: 'inbox',
    scanHandoff: null,
    handOffScan: (scanHandoff) => set({ scanHandoff, view: 'registration', dialog: null }),
    takeScanHandoff: () => {
      const handoff = get().scanHandoff;
      if (handoff !== null) set({ scanHandoff: null });
      return handoff;
    },
    registerFilters: { incoming: initialFilter(), outgoing: initialFilter() },
    dialog: null,
    toasts: [],
    setView: (view) => set({ view, dialog: null }),
    setRegisterFilter: (kind, patch) =>
      set((s) => ({ registerFilters: { ...s.registerFilters, [kind]: { ...s.registerFilters[kind], ...patch } } })),
    openDialog: (dialog) => set({ dialog }),
    closeDialog: () => set({ dialog: null }),
    pushToast: (tone, text) => set((s) => ({ toasts: [...s.toasts, { id: deps.newId(), tone, text }].slice(-MAX_TOASTS) })),
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  });
}
