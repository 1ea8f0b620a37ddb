import type { UserHit } from '../../api/types';
import { useFlowContext, type FlowContextState } from '../store/flow-context';

const selectUsers = (s: FlowContextState) => s.users;

/** Users seen so far by id (for showing names of stored user ids). */
export function useUserNames(): Record<number, UserHit> {
  return useFlowContext(selectUsers);
}

/** How a user is shown in pickers and summaries. */
export function userLabel(u: UserHit | undefined, id: number): string {
  return u ? u.displayName || u.email : `#${id}`;
}
