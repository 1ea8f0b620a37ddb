import { useShallow } from 'zustand/react/shallow';
import { useRuleUi, type RuleUiState } from '../store/rule-ui';

const selectSaveState = (s: RuleUiState) => ({ busy: s.busy, result: s.result });

/** Whether a save / publish is running, and the outcome of the last one. */
export function useSaveState(): Pick<RuleUiState, 'busy' | 'result'> {
  return useRuleUi(useShallow(selectSaveState));
}
