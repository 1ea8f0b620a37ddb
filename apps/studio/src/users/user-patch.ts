import type { UserDraft } from './hooks/useUserDraft';
import type { AdminUser, UserPatch } from './user-types';

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The `PATCH /api/users/{id}` body that turns `user` into `draft`: only what changed, so saving
 * an untouched manager never re-runs the loop check. A blank name clears it (`null`).
 *
 * @example userPatch(u, { ...draftOf(u), groups: ['finance'] }) // → { groups: ['finance'] }
 */
export function userPatch(user: AdminUser, draft: UserDraft): UserPatch {
  const patch: UserPatch = {};
  const name = draft.displayName.trim() || null;
  if (name !== (user.displayName ?? null)) patch.displayName = name;
  if (draft.role !== user.role) patch.role = draft.role;
  if (!sameList(draft.groups, user.groups)) patch.groups = draft.groups;
  if (draft.managerId !== user.managerId) patch.managerId = draft.managerId;
  if (draft.disabled !== user.disabled) patch.disabled = draft.disabled;
  return patch;
}
