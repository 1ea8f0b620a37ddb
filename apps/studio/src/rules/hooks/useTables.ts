import type { DecisionTableDefinition } from '@kiln/engine-rules';
import { useMemo } from 'react';
import { useRuleContext, type RuleContextState } from '../store/rule-context';

const selectRules = (s: RuleContextState) => s.rules;

/** The app's other draft rules that are decision tables, by key (what `decide` can run). */
export function useTables(): Record<string, DecisionTableDefinition> {
  const rules = useRuleContext(selectRules);
  return useMemo(() => {
    const out: Record<string, DecisionTableDefinition> = {};
    for (const [k, r] of Object.entries(rules)) if (r?.type === 'table') out[k] = r;
    return out;
  }, [rules]);
}
