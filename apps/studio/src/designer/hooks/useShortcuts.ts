import { useUndoShortcuts } from '../../hooks/useUndoShortcuts';
import { designer } from '../store/actions';
import { useDesignerUi } from '../store/ui-store';

function inTextInput(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

const deleteSelected = (e: KeyboardEvent) => {
  if ((e.key !== 'Delete' && e.key !== 'Backspace') || inTextInput(e.target)) return;
  const id = useDesignerUi.getState().selectedId;
  if (id) {
    e.preventDefault();
    designer.remove(id);
  }
};

/** Form designer shortcuts: undo/redo (also inside inputs) and Delete for the selected field when no input has focus. */
export function useShortcuts(): void {
  useUndoShortcuts(designer, { onKey: deleteSelected });
}
