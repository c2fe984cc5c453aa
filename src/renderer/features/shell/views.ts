/** The views, their navigation labels, Alt+N keys and the permission each needs (roles.ts `can`). */
import { can, type Role } from '../../../shared/domain/roles';
import { mayUseSigning } from '../signing/signing-permissions';
import { VIEW_LABELS } from '../../i18n/vi';
import { VIEW_IDS, type ViewId } from '../../stores/slices/ui-slice';

type Action = Parameters<typeof can>[1];

const REQUIRED: Record<ViewId, Action | ((role: Role) => boolean)> = {
  inbox: 'document.view',
  registration: 'document.register',
  incomingRegister: 'document.view',
  outgoingRegister: 'document.view',
  settings: 'settings.edit',
  signing: mayUseSigning,
  // Scanning is the first step of registering a paper document (Art. 9.1).
  scan: 'document.register',
  // Liên thông văn bản (issue 8): the timeline is for every reader; sending is checked in the view.
  exchange: 'document.view',
  // Art. 16 statistics are read by the clerk and the leaders.
  exchangeStats: 'document.view',
};

export interface ViewEntry {
  id: ViewId;
  label: string;
  /** Alt+<key> opens it: the position in the fixed order, so keys do not move between roles. */
  key: string;
}

/** Every view in navigation order with its shortcut key. */
export const ALL_VIEWS: readonly ViewEntry[] = VIEW_IDS.map((id, i) => ({ id, label: VIEW_LABELS[id], key: String(i + 1) }));

/** Whether the role may open the view (items it may not use are hidden). */
export function canOpenView(role: Role, view: ViewId): boolean {
  const rule = REQUIRED[view];
  return typeof rule === 'function' ? rule(role) : can(role, rule);
}

/** The views a role sees, in order. */
export function viewsFor(role: Role): ViewEntry[] {
  return ALL_VIEWS.filter((v) => canOpenView(role, v.id));
}
