import type { FormDefinition } from '@kiln/engine-forms';
import { create } from 'zustand';
import type { UserHit } from '../../api/types';

/** The app around the flow being edited: what its pickers offer. */
export interface FlowContextState {
  app: string;
  /** The route's flow key (the stored draft key). */
  flowKey: string;
  /** Draft forms of the app, by key (form pickers, field pickers, expression completion). */
  forms: Record<string, FormDefinition>;
  /** Keys of the app's other draft flows (sub-flow picker). */
  flows: string[];
  /** Keys of connector drafts (suggestions; free text is allowed). */
  connectors: string[];
  /** Group / position keys (`GET /api/groups`; suggestions, free text is allowed). */
  groups: string[];
  /** Users seen in searches, by id (names for the ids a flow stores). */
  users: Record<number, UserHit>;
}

/** The app context of the flow editor, loaded with the flow. */
export const useFlowContext = create<FlowContextState>(() => ({ app: '', flowKey: '', forms: {}, flows: [], connectors: [], groups: [], users: {} }));

/** Remembers users returned by a search so their names show for stored ids. */
export function rememberUsers(users: readonly UserHit[]): void {
  if (!users.length) return;
  useFlowContext.setState((s) => {
    const next = { ...s.users };
    for (const u of users) next[u.id] = u;
    return { users: next };
  });
}
