import type { RoleDefinition } from '../model/types';
import { roleDoc } from './role-store';

const current = () => roleDoc.useDoc.getState().doc;

/**
 * The role editor's commands. `update` with a `group` (usually the edited property's pointer)
 * merges successive keystrokes into one undo step; `structural` is always its own step.
 *
 * @example roleEdit.update((r) => setWhere(r, 'orders', text), '/forms/orders/where');
 */
export const roleEdit = {
  /** Any edit of the role. */
  update(fn: (r: RoleDefinition) => RoleDefinition, group?: string) {
    roleDoc.commit(fn(current()), group);
  },
  /** A structural edit (a checkbox, a row added or removed): its own undo step. */
  structural(fn: (r: RoleDefinition) => RoleDefinition) {
    roleDoc.breakGroup();
    roleDoc.commit(fn(current()));
    roleDoc.breakGroup();
  },
  undo: roleDoc.undo,
  redo: roleDoc.redo,
};
