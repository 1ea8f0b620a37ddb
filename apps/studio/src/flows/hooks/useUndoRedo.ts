import { useStore } from 'zustand';
import { flowHistory } from '../store/flow-store';

type H = ReturnType<typeof flowHistory.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(flowHistory, selectCanUndo);
  const canRedo = useStore(flowHistory, selectCanRedo);
  return { canUndo, canRedo };
}
