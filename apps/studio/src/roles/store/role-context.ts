import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';
import { create } from 'zustand';

/** A flow or report draft as the role editor lists it. */
export interface NamedDraft {
  key: string;
  name: LocalizedText | undefined;
}

/** The app around the role being edited (loaded once per app by the roles page). */
export interface RoleContextState {
  app: string;
  /** The route's role key (the stored draft key); '' when none is open. */
  roleKey: string;
  /** Draft forms by key, and their keys in the app's order (the matrix's rows). */
  forms: Record<string, FormDefinition>;
  formKeys: string[];
  flows: NamedDraft[];
  reports: NamedDraft[];
}

/** The roles page's app context. */
export const useRoleContext = create<RoleContextState>(() => ({ app: '', roleKey: '', forms: {}, formKeys: [], flows: [], reports: [] }));
