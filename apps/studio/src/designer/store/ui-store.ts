import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';

/** The outcome of the last save / publish (shared with the rule editor). */
export type PublishResult = SaveResult;

interface DesignerUiState {
  selectedId: string | null;
  /** JSON of the definition last saved to / loaded from the server (dirty = differs). */
  savedJson: string;
  /** Bumped when the definition changes under the panels (undo, redo, load), to re-seed them. */
  revision: number;
  busy: 'saving' | 'publishing' | null;
  result: PublishResult | null;
  serverProblems: PublishProblem[];
  select: (id: string | null) => void;
}

/** Designer state that is not part of the definition (and so not undone). */
export const useDesignerUi = create<DesignerUiState>((set) => ({
  selectedId: null,
  savedJson: '',
  revision: 0,
  busy: null,
  result: null,
  serverProblems: [],
  select: (id) => set({ selectedId: id }),
}));

/** Re-seeds the panels after the definition changed under them. */
export function bumpRevision(): void {
  useDesignerUi.setState((s) => ({ revision: s.revision + 1 }));
}
