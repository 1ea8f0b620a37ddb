import { useStore } from 'zustand';
import { connectorDoc } from '../store/connector-store';

type H = ReturnType<typeof connectorDoc.history.getState>;
const selectCanUndo = (s: H) => s.pastStates.length > 0;
const selectCanRedo = (s: H) => s.futureStates.length > 0;

/** Whether undo / redo are available. */
export function useUndoRedo(): { canUndo: boolean; canRedo: boolean } {
  return { canUndo: useStore(connectorDoc.history, selectCanUndo), canRedo: useStore(connectorDoc.history, selectCanRedo) };
}
