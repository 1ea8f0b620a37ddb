import { useEffect } from 'react';
import { designer } from '../store/actions';
import { useDesignerUi } from '../store/ui-store';

function inTextInput(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Designer keyboard shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redo — also
 * inside inputs, since every input is bound to the definition — and Delete for the
 * selected field when no input has focus.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z') {
        e.preventDefault();
        if (e.shiftKey) designer.redo();
        else designer.undo();
      } else if (mod && k === 'y') {
        e.preventDefault();
        designer.redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !inTextInput(e.target)) {
        const id = useDesignerUi.getState().selectedId;
        if (id) {
          e.preventDefault();
          designer.remove(id);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
