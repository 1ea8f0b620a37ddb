import { useStore } from 'zustand';
import { roleDoc } from '../store/role-store';

type H = ReturnType<typeof roleDoc.history.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  return { canUndo: useStore(roleDoc.history, selectCanUndo), canRedo: useStore(roleDoc.history, selectCanRedo) };
}
