import { temporal } from 'zundo';
import { create } from 'zustand';
import type { FlowDefinition } from '@kiln/engine-flow';

interface FlowState {
  flow: FlowDefinition;
}

const EMPTY: FlowDefinition = { key: '', name: { 'zh-CN': '', en: '' }, form: '', nodes: [], edges: [] };

/**
 * The flow being edited. Only this is tracked by undo/redo (zundo); selection, save state,
 * problems and the dry run live in their own stores.
 */
export const useFlowStore = create<FlowState>()(
  temporal(() => ({ flow: EMPTY }), {
    partialize: (s) => ({ flow: s.flow }),
    equality: (a, b) => a.flow === b.flow,
    limit: 200,
  }),
);

/** The temporal (undo/redo) side of the flow store. */
export const flowHistory = useFlowStore.temporal;

let lastGroup: string | null = null;
let lastAt = 0;
const GROUP_WINDOW_MS = 1200;

/**
 * Commits a new flow as one undo step. Successive edits with the same `group` (typing into one
 * input) within a short window merge, so Ctrl+Z undoes a word, not a key.
 */
export function commitFlow(next: FlowDefinition, group?: string): void {
  if (next === useFlowStore.getState().flow) return;
  const now = Date.now();
  const merge = group !== undefined && group === lastGroup && now - lastAt < GROUP_WINDOW_MS;
  lastGroup = group ?? null;
  lastAt = now;
  if (merge) {
    flowHistory.getState().pause();
    useFlowStore.setState({ flow: next });
    flowHistory.getState().resume();
  } else {
    useFlowStore.setState({ flow: next });
  }
}

/** Ends any edit group so the next edit starts a fresh undo step. */
export function breakUndoGroup(): void {
  lastGroup = null;
}

/** Loads a flow fresh from the server: replaces it and forgets the undo history. */
export function loadFlow(flow: FlowDefinition): void {
  flowHistory.getState().pause();
  useFlowStore.setState({ flow });
  flowHistory.getState().resume();
  flowHistory.getState().clear();
  breakUndoGroup();
}
