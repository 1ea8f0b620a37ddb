import type { RuleDefinition, TriggerRuleDefinition } from '@kiln/engine-rules';
import { useRuleStore } from '../store/rule-store';

const selectRule = (s: { rule: RuleDefinition }) => s.rule;

/** The trigger rule being edited (only rendered under the trigger editor, which checks the type). */
export function useTriggerRule(): TriggerRuleDefinition {
  const rule = useRuleStore(selectRule);
  if (rule.type !== 'trigger') throw new Error('useTriggerRule outside a trigger rule');
  return rule;
}
