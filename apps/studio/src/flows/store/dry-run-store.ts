import { create } from 'zustand';
import type { FlowDryRunResult } from '../../api/types';

/** State of {@link useDryRunStore}. */
export interface DryRunState {
  /** The id of the record picked as the sample (`''`: the JSON is the user's own). */
  recordId: string;
  /** The sample record as JSON, as typed. */
  json: string;
  /** True until the user edits or picks a sample: the JSON follows the sample built from the form. */
  auto: boolean;
  running: boolean;
  /** The last dry run's answer. */
  response: FlowDryRunResult | null;
  /** Why the last request failed (bad JSON, HTTP error). */
  requestError: unknown;
  /** JSON of the flow the last run used (the result is stale when the flow changed since). */
  ranJson: string;
}

const INITIAL: DryRunState = { recordId: '', json: '', auto: true, running: false, response: null, requestError: undefined, ranJson: '' };

/** The dry run panel: the sample record and the last run (its path is highlighted on the canvas). */
export const useDryRunStore = create<DryRunState>(() => ({ ...INITIAL }));

/** Forgets the sample and the last run (a flow was loaded). */
export function resetDryRun(): void {
  useDryRunStore.setState({ ...INITIAL });
}
