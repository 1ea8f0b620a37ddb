import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { parentPtr } from '../model/pointer';

const FLASH_MS = 1600;

function findControl(path: string): HTMLElement | null {
  for (let p = path; p; p = parentPtr(p)) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (el) return el;
  }
  return null;
}

/**
 * Brings the control of a definition path into view and focuses it: the expression editor (with
 * the problem's characters selected), the input, select or grid cell tagged `data-path`, or the
 * closest enclosing one (an action card for `/actions/2`).
 *
 * @example focusPath('/actions/0/values/total', { from: 4, to: 9 });
 */
export function focusPath(path: string, range?: { from?: number; to?: number }): boolean {
  const el = findControl(path);
  if (!el) return false;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add('is-flash');
  window.setTimeout(() => el.classList.remove('is-flash'), FLASH_MS);
  const cm = el.classList.contains('cm-editor') ? el : el.querySelector<HTMLElement>('.cm-editor');
  const view = cm ? EditorView.findFromDOM(cm) : null;
  if (view) {
    const len = view.state.doc.length;
    const from = Math.min(Math.max(range?.from ?? 0, 0), len);
    const to = Math.min(Math.max(range?.to ?? from, from), len);
    view.dispatch({ selection: EditorSelection.single(from, to), scrollIntoView: true });
    view.focus();
    return true;
  }
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus({ preventScroll: true });
  return true;
}
