/**
 * Roles and what each may do. Quy chế Art. 3.7 (accounts are a user name and a password) and the division of
 * work in Art. 9–11: the văn thư registers, numbers and keeps the registers; the lãnh đạo reads and directs;
 * the chuyên viên handles; the administrator runs the workstation but does not touch the registers.
 */
import { z } from 'zod';

export const ROLES = ['van-thu', 'lanh-dao', 'chuyen-vien', 'quan-tri'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const ACTIONS = [
  'document.register',
  'entry.cancel',
  'register.print',
  'register.export',
  'settings.edit',
  'account.manage',
  'journal.verify',
  'document.view',
] as const;
export type Action = (typeof ACTIONS)[number];
export const ActionSchema = z.enum(ACTIONS);

const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  // Registers, cancels (an entry keeps its number), prints and exports the registers (NĐ 30 Art. 16.2b, 22.3b).
  'van-thu': new Set<Action>(['document.register', 'entry.cancel', 'register.print', 'register.export', 'document.view']),
  // Reads, follows incoming documents (Art. 22.7) and may print or export the registers.
  'lanh-dao': new Set<Action>(['document.view', 'register.print', 'register.export']),
  'chuyen-vien': new Set<Action>(['document.view']),
  // Runs the workstation; deliberately cannot register or cancel, so the registers stay the clerk's record.
  'quan-tri': new Set<Action>(['settings.edit', 'account.manage', 'journal.verify', 'document.view', 'register.print', 'register.export']),
};

/** Whether `role` may perform `action`. Unknown roles or actions may do nothing. */
export function can(role: Role, action: Action): boolean {
  if (!Object.prototype.hasOwnProperty.call(PERMISSIONS, role)) return false;
  return PERMISSIONS[role].has(action);
}

/** Every action a role may perform, in ACTIONS order. */
export function actionsOf(role: Role): Action[] {
  return ACTIONS.filter((a) => can(role, a));
}
