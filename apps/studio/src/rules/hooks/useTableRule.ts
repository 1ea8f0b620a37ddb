import type { DecisionTableDefinition, RuleDefinition } from '@kiln/engine-rules';
import { useRuleStore } from '../store/rule-store';

const selectRule = (s: { rule: RuleDefinition }) => s.rule;

/** The decision table being edited (only rendered under the table editor, which checks the type). */
export function useTableRule(): DecisionTableDefinition {
  const rule = useRuleStore(selectRule);
  if (rule.type !== 'table') throw new Error('useTableRule outside a decision table');
  return rule;
}
