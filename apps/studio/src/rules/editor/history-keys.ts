import { Prec, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';

/** The page's undo / redo, as a controlled editor receives them. */
export interface HistoryHandlers {
  onUndo?: () => void;
  onRedo?: () => void;
}

/**
 * Ctrl/Cmd+Z (Shift+Z, Y) inside a CodeMirror editor call the surrounding document's undo / redo
 * (`get` reads the latest handlers). The editors keep no history of their own (the studio has no
 * @codemirror/commands); without a handler the keys do nothing here.
 */
export function historyKeys(get: () => HistoryHandlers): Extension {
  // `any` sees the raw event: Ctrl+Shift+Z arrives as "z" or "Z" depending on the browser.
  return Prec.highest(
    keymap.of([
      {
        any: (_view, e) => {
          if (!(e.ctrlKey || e.metaKey) || e.altKey) return false;
          const k = e.key.toLowerCase();
          const fn = k === 'z' ? get()[e.shiftKey ? 'onRedo' : 'onUndo'] : k === 'y' ? get().onRedo : undefined;
          if (!fn) return false;
          e.preventDefault();
          fn();
          return true;
        },
      },
    ]),
  );
}
