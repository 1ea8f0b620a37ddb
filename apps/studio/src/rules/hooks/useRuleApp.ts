import { useRuleContext, type RuleContextState } from '../store/rule-context';

const selectApp = (s: RuleContextState) => s.app;

/** The key of the app whose rule is being edited. */
export function useRuleApp(): string {
  return useRuleContext(selectApp);
}
