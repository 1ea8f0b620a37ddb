import { useStore } from 'zustand';
import { dashboardDoc } from '../store/dashboard-store';

type H = ReturnType<typeof dashboardDoc.history.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  return { canUndo: useStore(dashboardDoc.history, selectCanUndo), canRedo: useStore(dashboardDoc.history, selectCanRedo) };
}
