import type { RuleDefinition } from '@kiln/engine-rules';
import { useRuleStore } from '../store/rule-store';

const selectRule = (s: { rule: RuleDefinition }) => s.rule;

/** The rule being edited. */
export function useRule(): RuleDefinition {
  return useRuleStore(selectRule);
}
