import type { RuleError } from '@kiln/engine-rules';
import { create } from 'zustand';
import type { RuleTestResult } from '../../api/types';

/** State of {@link useConsoleStore}. */
export interface ConsoleState {
  tab: 'test' | 'traces';
  /** The facts JSON as typed. */
  facts: string;
  /** True until the user edits the facts: they follow the sample of the trigger's form. */
  auto: boolean;
  running: boolean;
  /** The last dry run's answer, or the request's failure. */
  response: RuleTestResult | null;
  requestError: unknown;
  /** JSON of the rule the last run used (the result is stale when the rule changed since). */
  ranJson: string;
  /** The last run's error, shown inline on its expression until the rule is edited. */
  inlineError: RuleError | null;
}

/** The test console: sample facts, the last dry run, and which tab is open. */
export const useConsoleStore = create<ConsoleState>(() => ({
  tab: 'test',
  facts: '',
  auto: true,
  running: false,
  response: null,
  requestError: undefined,
  ranJson: '',
  inlineError: null,
}));
