import { useEffect } from 'react';
import { ruleEdit } from '../store/edit';

function ownUndo(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('.cm-editor, .rule-console');
}

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo for the whole rule, also inside inputs
 * (every input is bound to the rule). Expression editors route their own Ctrl+Z to the same
 * history; the test console's facts keep the browser's undo.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || ownUndo(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z') {
        e.preventDefault();
        if (e.shiftKey) ruleEdit.redo();
        else ruleEdit.undo();
      } else if (k === 'y') {
        e.preventDefault();
        ruleEdit.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
