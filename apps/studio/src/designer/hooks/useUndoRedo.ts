import { useStore } from 'zustand';
import { definitionHistory } from '../store/definition-store';

type H = ReturnType<typeof definitionHistory.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(definitionHistory, selectCanUndo);
  const canRedo = useStore(definitionHistory, selectCanRedo);
  return { canUndo, canRedo };
}
