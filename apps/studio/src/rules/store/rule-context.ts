import type { FormDefinition } from '@kiln/engine-forms';
import type { RuleDefinition } from '@kiln/engine-rules';
import { create } from 'zustand';

/** The app around the rule being edited: drafts the pickers offer. */
export interface RuleContextState {
  app: string;
  /** The route's rule key (the stored draft key). */
  ruleKey: string;
  /** Draft forms of the app, by key (form pickers, field pickers, sample facts). */
  forms: Record<string, FormDefinition>;
  /** The app's other draft rules, by key (decision tables for `decide`). */
  rules: Record<string, RuleDefinition>;
  /** Keys of draft flows and connectors (suggestions; free text is allowed). */
  flows: string[];
  connectors: string[];
}

/** The app context of the rule editor, loaded with the rule. */
export const useRuleContext = create<RuleContextState>(() => ({ app: '', ruleKey: '', forms: {}, rules: {}, flows: [], connectors: [] }));
