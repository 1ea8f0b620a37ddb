import { useMemo } from 'react';
import type { AdminUser } from '../user-types';
import { useUserSearch } from './useUserSearch';

/**
 * The people a manager can be picked from: every user but `selfId` (nobody manages
 * themselves) that matches `query`, keeping the current choice `value` listed even when the
 * filter hides it (a `<select>` must hold its value). Users below `selfId` stay offered: the
 * server refuses a loop and the dialog shows why.
 */
export function useManagerOptions(users: AdminUser[], selfId: number | undefined, query: string, value: number | null): AdminUser[] {
  const others = useMemo(() => users.filter((u) => u.id !== selfId), [users, selfId]);
  const found = useUserSearch(others, query);
  return useMemo(() => {
    if (value === null || found.some((u) => u.id === value)) return found;
    const current = others.find((u) => u.id === value);
    return current ? [current, ...found] : found;
  }, [found, others, value]);
}
