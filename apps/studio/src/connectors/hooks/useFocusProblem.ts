import { useCallback } from 'react';
import { parentPtr, parsePtr } from '../../rules/model/pointer';
import type { EditorConnectorProblem } from '../model/editor-problem';
import { openOperation, showTab } from '../store/connector-ui';

const FLASH_MS = 1600;

/** The control of pointer `path`, or of the nearest pointer above it that has one. */
function controlOf(path: string): HTMLElement | null {
  for (let p = path; p; p = parentPtr(p)) {
    const el = document.querySelector<HTMLElement>(`.connector-editor [data-path="${CSS.escape(p)}"]`);
    if (el) return el;
  }
  return null;
}

/** Focuses a control: the CodeMirror content of an expression, else its first input. */
function focusControl(el: HTMLElement): void {
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.add('is-flash');
  window.setTimeout(() => el.classList.remove('is-flash'), FLASH_MS);
  const target = el.matches('input, select, textarea') ? el : el.querySelector<HTMLElement>('.cm-content, input, select, textarea');
  target?.focus();
}

/**
 * Shows where a problem is: opens its section (the operation it is in), then puts the cursor
 * in the control its pointer names (or the nearest enclosing one) and flashes it.
 */
export function useFocusProblem(): (p: EditorConnectorProblem) => void {
  return useCallback((p) => {
    const [head, name] = parsePtr(p.path);
    if (head === 'operations' && name) openOperation(name);
    else if (head === 'operations') showTab('operations');
    else if (head === 'inbound') showTab('inbound');
    else showTab('setup');
    // The section renders on the next frame; then the control can be found.
    window.setTimeout(() => {
      const el = controlOf(p.path);
      if (el) focusControl(el);
    }, 80);
  }, []);
}
