import { useCallback } from 'react';
import { parentPtr, parsePtr } from '../../rules/model/pointer';
import type { EditorRoleProblem } from '../model/editor-problem';
import { toggleExpanded } from '../store/role-ui';

const FLASH_MS = 1600;

/** The control of pointer `path`, or of the nearest pointer above it that has one. */
function controlOf(path: string): HTMLElement | null {
  for (let p = path; p; p = parentPtr(p)) {
    const el = document.querySelector<HTMLElement>(`.role-editor [data-path="${CSS.escape(p)}"]`);
    if (el) return el;
  }
  return null;
}

/**
 * Shows where a problem is: expands the form's matrix row when it is about a grant's details,
 * then focuses the control its pointer names (or the nearest enclosing one) and flashes it.
 */
export function useFocusProblem(): (p: EditorRoleProblem) => void {
  return useCallback((p) => {
    const [head, form, part] = parsePtr(p.path);
    if (head === 'forms' && form && part && part !== 'read' && part !== 'create' && part !== 'update' && part !== 'delete' && part !== 'export') toggleExpanded(form, true);
    // The row renders on the next frame; then the control can be found.
    window.setTimeout(() => {
      const el = controlOf(p.path);
      if (!el) return;
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el.classList.add('is-flash');
      window.setTimeout(() => el.classList.remove('is-flash'), FLASH_MS);
      const target = el.matches('input, select, textarea') ? el : el.querySelector<HTMLElement>('.cm-content, input, select, textarea');
      target?.focus();
    }, 80);
  }, []);
}
