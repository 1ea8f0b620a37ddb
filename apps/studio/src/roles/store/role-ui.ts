import { create } from 'zustand';
import type { PublishProblem } from '../../api/types';
import type { SaveResult } from '../../ui/save-result-badge';
import type { EditorRoleProblem } from '../model/editor-problem';

/** State of {@link useRoleUi}. */
export interface RoleUiState {
  /** Forms whose matrix row is expanded (row policy, field policies). */
  expanded: string[];
  /** JSON of the role last saved / loaded (dirty = differs). */
  savedJson: string;
  /** Bumped when the role changes under the formily panel (undo, redo, load), to re-seed it. */
  revision: number;
  busy: 'saving' | 'publishing' | null;
  result: SaveResult | null;
  /** Problems of the last refused publish (every draft of the app). */
  serverProblems: PublishProblem[];
  /** JSON of this role when the publish was refused: its own problems show until it is edited. */
  serverJson: string;
  /** Problems of the current role from the (debounced) `validateRole`. */
  liveProblems: EditorRoleProblem[];
}

const INITIAL: RoleUiState = { expanded: [], savedJson: '', revision: 0, busy: null, result: null, serverProblems: [], serverJson: '', liveProblems: [] };

/** Role editor state that is not part of the definition (and so not undone). */
export const useRoleUi = create<RoleUiState>(() => ({ ...INITIAL }));

/** Forgets everything of the previous role; `savedJson` is the freshly loaded one. */
export function resetRoleUi(savedJson: string): void {
  useRoleUi.setState((s) => ({ ...INITIAL, savedJson, revision: s.revision + 1 }));
}

/** Re-seeds the formily panel after the role changed under it. */
export function bumpRevision(): void {
  useRoleUi.setState((s) => ({ revision: s.revision + 1 }));
}

/** Expands or collapses a form's row of the matrix. */
export function toggleExpanded(form: string, open?: boolean): void {
  useRoleUi.setState((s) => {
    const isOpen = s.expanded.includes(form);
    const want = open ?? !isOpen;
    if (want === isOpen) return s;
    return { expanded: want ? [...s.expanded, form] : s.expanded.filter((f) => f !== form) };
  });
}
