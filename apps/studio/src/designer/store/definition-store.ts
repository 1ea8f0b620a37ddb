import type { FormDefinition } from '@kiln/engine-forms';
import { temporal } from 'zundo';
import { create } from 'zustand';

interface DefinitionState {
  definition: FormDefinition;
}

const EMPTY: FormDefinition = { formatVersion: 1, key: '', title: { 'zh-CN': '', en: '' }, fields: [] };

/**
 * The definition being designed. Only this is tracked by undo/redo (zundo); selection,
 * save state and server problems live in {@link useDesignerUi}.
 */
export const useDefinitionStore = create<DefinitionState>()(
  temporal(() => ({ definition: EMPTY }), {
    partialize: (s) => ({ definition: s.definition }),
    equality: (a, b) => a.definition === b.definition,
    limit: 200,
  }),
);

/** The temporal (undo/redo) side of the definition store. */
export const definitionHistory = useDefinitionStore.temporal;

let lastGroup: string | null = null;
let lastAt = 0;
const GROUP_WINDOW_MS = 1200;

/**
 * Commits a new definition as one undo step. Successive edits with the same `group`
 * (e.g. typing into one input) within a short window merge into a single step, so
 * Ctrl+Z undoes a word, not a keystroke.
 */
export function commitDefinition(next: FormDefinition, group?: string): void {
  const now = Date.now();
  const merge = group !== undefined && group === lastGroup && now - lastAt < GROUP_WINDOW_MS;
  lastGroup = group ?? null;
  lastAt = now;
  if (merge) {
    definitionHistory.getState().pause();
    useDefinitionStore.setState({ definition: next });
    definitionHistory.getState().resume();
  } else {
    useDefinitionStore.setState({ definition: next });
  }
}

/** Ends any edit group so the next edit starts a fresh undo step. */
export function breakUndoGroup(): void {
  lastGroup = null;
}

/** Loads a definition fresh from the server: replaces it and forgets the undo history. */
export function loadDefinition(def: FormDefinition): void {
  definitionHistory.getState().pause();
  useDefinitionStore.setState({ definition: def });
  definitionHistory.getState().resume();
  definitionHistory.getState().clear();
  breakUndoGroup();
}
