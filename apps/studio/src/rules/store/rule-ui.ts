import type { RuleProblem } from '@kiln/engine-rules';
import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';

/** Outcome of the last save / publish, shown in the toolbar. */
export type { SaveResult };

/** State of the live check (`POST …/rules/check`). */
export type CheckState = 'idle' | 'checking' | 'done' | 'unavailable';

/** State of {@link useRuleUi}. */
export interface RuleUiState {
  /** JSON of the rule last saved to / loaded from the server (dirty = differs). */
  savedJson: string;
  busy: 'saving' | 'publishing' | null;
  result: SaveResult | null;
  /** Problems of the last refused publish (every draft of the app). */
  serverProblems: PublishProblem[];
  /** Problems of the last live check of the current definition. */
  checkProblems: RuleProblem[];
  check: CheckState;
}

/** Editor state that is not part of the rule (and so not undone). */
export const useRuleUi = create<RuleUiState>(() => ({
  savedJson: '',
  busy: null,
  result: null,
  serverProblems: [],
  checkProblems: [],
  check: 'idle',
}));
