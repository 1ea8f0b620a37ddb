import { useStore } from 'zustand';
import { ruleHistory } from '../store/rule-store';

type H = ReturnType<typeof ruleHistory.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(ruleHistory, selectCanUndo);
  const canRedo = useStore(ruleHistory, selectCanRedo);
  return { canUndo, canRedo };
}
