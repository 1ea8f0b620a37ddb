import { useEffect, useRef } from 'react';

/** What the shortcuts drive: a designer's edit history. */
export interface UndoHistory {
  undo(): void;
  redo(): void;
}

/**
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo for a whole definition, also inside inputs
 * (every input is bound to the definition). Elements matching `keepNative` (expression editors
 * with their own history routing, sample-data boxes) keep the browser's undo. `onKey` sees every
 * other key press (e.g. Delete for the selection).
 */
export function useUndoShortcuts(history: UndoHistory, opts: { keepNative?: string; onKey?: (e: KeyboardEvent) => void } = {}): void {
  const ref = useRef(opts);
  ref.current = opts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { keepNative, onKey: other } = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && (k === 'z' || k === 'y')) {
        if (keepNative && e.target instanceof HTMLElement && e.target.closest(keepNative)) return;
        e.preventDefault();
        if (k === 'y' || e.shiftKey) history.redo();
        else history.undo();
        return;
      }
      other?.(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history]);
}
