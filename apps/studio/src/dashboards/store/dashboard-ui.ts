import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';

/** A problem of the dashboard: from `validateDashboard` (live) or the last refused publish. */
export interface DashboardProblem {
  source: 'live' | 'publish';
  code: string;
  message: string;
  /** JSON pointer into the dashboard (`/items/2`, `/filters/0/param`). */
  path: string;
}

/** State of {@link useDashboardUi}. */
export interface DashboardUiState {
  /** The shared filter whose properties are open (its index). */
  selectedFilter: number | null;
  savedJson: string;
  /** Bumped when the dashboard changes under the filter panel (undo, redo, load), to re-seed it. */
  revision: number;
  busy: 'saving' | 'publishing' | null;
  result: SaveResult | null;
  serverProblems: PublishProblem[];
  serverJson: string;
  liveProblems: DashboardProblem[];
  /** Filter values picked in the editor's filter bar (by param key; absent: the filter's default). */
  filterValues: Record<string, string>;
  /** Bumped by "refresh" and the refresh interval: every card computes again. */
  tick: number;
}

const INITIAL: DashboardUiState = {
  selectedFilter: null,
  savedJson: '',
  revision: 0,
  busy: null,
  result: null,
  serverProblems: [],
  serverJson: '',
  liveProblems: [],
  filterValues: {},
  tick: 0,
};

/** Dashboard editor state that is not part of the dashboard (and so not undone). */
export const useDashboardUi = create<DashboardUiState>(() => ({ ...INITIAL }));

/** Forgets everything of the previous dashboard; `savedJson` is the freshly loaded one. */
export function resetDashboardUi(savedJson: string): void {
  useDashboardUi.setState((s) => ({ ...INITIAL, savedJson, revision: s.revision + 1 }));
}

/** Re-seeds the filter panel after the dashboard changed under it. */
export function bumpRevision(): void {
  useDashboardUi.setState((s) => ({ revision: s.revision + 1 }));
}

/** Recomputes every card. */
export function refreshCards(): void {
  useDashboardUi.setState((s) => ({ tick: s.tick + 1 }));
}
