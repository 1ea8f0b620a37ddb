import { useStore } from 'zustand';
import { reportDoc } from '../store/report-store';

type H = ReturnType<typeof reportDoc.history.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  const canUndo = useStore(reportDoc.history, selectCanUndo);
  const canRedo = useStore(reportDoc.history, selectCanRedo);
  return { canUndo, canRedo };
}
