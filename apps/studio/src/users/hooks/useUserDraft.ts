import { useCallback, useState } from 'react';
import type { AdminUser, UserRole } from '../user-types';

/** What the user dialogs edit: every field of a user, plus the password for a new one. */
export interface UserDraft {
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
  groups: string[];
  managerId: number | null;
  disabled: boolean;
}

/** The draft of a new user: an operator without groups or manager. */
export const EMPTY_DRAFT: UserDraft = { email: '', password: '', displayName: '', role: 'operator', groups: [], managerId: null, disabled: false };

/** The draft for editing `user`. */
export function draftOf(user: AdminUser): UserDraft {
  return {
    email: user.email,
    password: '',
    displayName: user.displayName ?? '',
    role: user.role,
    groups: user.groups,
    managerId: user.managerId,
    disabled: user.disabled,
  };
}

/** The state of a user dialog: the draft and `set(patch)` to change some of its fields. */
export function useUserDraft(initial: UserDraft): { draft: UserDraft; set: (patch: Partial<UserDraft>) => void } {
  const [draft, setDraft] = useState(initial);
  const set = useCallback((patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch })), []);
  return { draft, set };
}
