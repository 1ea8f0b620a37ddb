import type { FieldDefinition } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { useRuleContext, type RuleContextState } from '../store/rule-context';
import { useForms } from './useForms';

const selectRules = (s: RuleContextState) => s.rules;
const selectKey = (s: RuleContextState) => s.ruleKey;

/**
 * The fields `record` has when this table runs: those of the forms whose trigger rules `decide`
 * it; when no rule uses it yet, the fields of every form (by key, first wins).
 */
export function useTableScopeFields(): FieldDefinition[] {
  const forms = useForms();
  const rules = useRuleContext(selectRules);
  const key = useRuleContext(selectKey);
  return useMemo(() => {
    const using = new Set<string>();
    for (const r of Object.values(rules)) {
      if (r?.type !== 'trigger' || !('form' in r.trigger)) continue;
      if (r.actions.some((a) => a.type === 'decide' && a.table === key)) using.add(r.trigger.form);
    }
    const source = using.size ? [...using].map((k) => forms[k]).filter(Boolean) : Object.values(forms);
    const byKey = new Map<string, FieldDefinition>();
    for (const form of source) for (const f of form.fields ?? []) if (!byKey.has(f.key)) byKey.set(f.key, f);
    return [...byKey.values()];
  }, [forms, rules, key]);
}
