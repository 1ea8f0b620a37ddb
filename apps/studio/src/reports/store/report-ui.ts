import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';
import type { EditorReportProblem } from '../model/editor-problem';
import type { Selection } from '../model/selection';

/** The inspector's tabs: the selected chip's properties, the report's settings, its JSON. */
export type ReportTab = 'props' | 'report' | 'json';

/** State of {@link useReportUi}. */
export interface ReportUiState {
  selected: Selection | null;
  tab: ReportTab;
  /** JSON of the report last saved / loaded (dirty = differs). */
  savedJson: string;
  /** Bumped when the report changes under the property panel (undo, redo, load), to re-seed it. */
  revision: number;
  busy: 'saving' | 'publishing' | null;
  result: SaveResult | null;
  /** Problems of the last refused publish (every draft of the app). */
  serverProblems: PublishProblem[];
  /** JSON of this report when the publish was refused: its own problems show until it is edited. */
  serverJson: string;
  /** Problems of the current report from the (debounced) `validateReport`. */
  liveProblems: EditorReportProblem[];
}

const INITIAL: ReportUiState = {
  selected: null,
  tab: 'report',
  savedJson: '',
  revision: 0,
  busy: null,
  result: null,
  serverProblems: [],
  serverJson: '',
  liveProblems: [],
};

/** Report designer state that is not part of the report (and so not undone). */
export const useReportUi = create<ReportUiState>(() => ({ ...INITIAL }));

/** Forgets everything of the previous report; `savedJson` is the freshly loaded one. */
export function resetReportUi(savedJson: string): void {
  useReportUi.setState((s) => ({ ...INITIAL, savedJson, revision: s.revision + 1 }));
}

/** Re-seeds the property panel after the report changed under it. */
export function bumpRevision(): void {
  useReportUi.setState((s) => ({ revision: s.revision + 1 }));
}

/** Selects a chip (or parameter, computed column) and opens its properties. */
export function select(selected: Selection | null): void {
  useReportUi.setState({ selected, tab: selected ? 'props' : 'report' });
}
