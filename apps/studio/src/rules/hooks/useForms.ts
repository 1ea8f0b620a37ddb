import type { FormDefinition } from '@kiln/engine-forms';
import { useRuleContext, type RuleContextState } from '../store/rule-context';

const selectForms = (s: RuleContextState) => s.forms;

/** The app's draft forms, by key. */
export function useForms(): Record<string, FormDefinition> {
  return useRuleContext(selectForms);
}
