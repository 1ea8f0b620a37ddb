import { useMemo } from 'react';
import type { AdminUser } from '../user-types';

/**
 * The users matching `query` (case-insensitive, every word must match the email, the display
 * name, the role or one of the groups), in the list's order.
 */
export function useUserSearch(users: AdminUser[], query: string): AdminUser[] {
  return useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return users;
    return users.filter((u) => {
      const hay = [u.email, u.displayName ?? '', u.role, ...u.groups].join('\n').toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [users, query]);
}
