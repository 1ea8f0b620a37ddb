import { useMemo } from 'react';
import { useRuleUi, type RuleUiState } from '../store/rule-ui';
import { useRule } from './useRule';

const selectSaved = (s: RuleUiState) => s.savedJson;

/** True when the rule differs from the last saved / loaded one. */
export function useDirty(): boolean {
  const rule = useRule();
  const saved = useRuleUi(selectSaved);
  return useMemo(() => JSON.stringify(rule) !== saved, [rule, saved]);
}
