import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';
import type { EditorFlowProblem } from '../model/editor-problem';

/** The inspector's tabs. */
export type InspectorTab = 'node' | 'flow' | 'dryrun';

/** State of {@link useFlowUi}. */
export interface FlowUiState {
  /** Selected canvas elements (the property panel shows the single selected node). */
  selectedNodes: string[];
  selectedEdges: string[];
  tab: InspectorTab;
  /** JSON of the flow last saved to / loaded from the server (dirty = differs). */
  savedJson: string;
  /** Bumped when the flow changes under the property panel (undo, redo, load), to re-seed it. */
  revision: number;
  busy: 'saving' | 'publishing' | null;
  result: SaveResult | null;
  /** Problems of the last refused publish (every draft of the app). */
  serverProblems: PublishProblem[];
  /** JSON of this flow when the publish was refused: its own problems show until it is edited. */
  serverJson: string;
  /** Problems of the current flow from the (debounced) client-side validation. */
  liveProblems: EditorFlowProblem[];
}

/** Editor state that is not part of the flow (and so not undone). */
export const useFlowUi = create<FlowUiState>(() => ({
  selectedNodes: [],
  selectedEdges: [],
  tab: 'flow',
  savedJson: '',
  revision: 0,
  busy: null,
  result: null,
  serverProblems: [],
  serverJson: '',
  liveProblems: [],
}));

/** Re-seeds the property panel after the flow changed under it. */
export function bumpRevision(): void {
  useFlowUi.setState((s) => ({ revision: s.revision + 1 }));
}

/** Selects exactly these nodes and edges; a single node opens the node tab. */
export function selectElements(nodes: string[], edges: string[] = [], opts: { openTab?: boolean } = {}): void {
  useFlowUi.setState((s) => ({
    selectedNodes: nodes,
    selectedEdges: edges,
    tab: opts.openTab !== false && nodes.length === 1 && s.tab !== 'dryrun' ? 'node' : s.tab,
  }));
}
