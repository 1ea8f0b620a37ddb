import { useEffect } from 'react';
import { flowEdit } from '../store/edit';

function ownUndo(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('.cm-editor, .dryrun-panel');
}

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo for the whole flow, also inside inputs
 * (every input is bound to the flow). Expression editors route their own Ctrl+Z to the same
 * history; the dry run's sample JSON keeps the browser's undo. Delete on the canvas is xyflow's.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || ownUndo(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z') {
        e.preventDefault();
        if (e.shiftKey) flowEdit.redo();
        else flowEdit.undo();
      } else if (k === 'y') {
        e.preventDefault();
        flowEdit.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
