import type { FormDefinition } from '@kiln/engine-forms';
import { containerFields, type ContainerId } from '../model/containers';
import type { DropTarget } from './drag-store';

/** The last pointer position seen, in client coordinates (tracked while the designer is open). */
export const lastPointer = { x: NaN, y: NaN };

/** Keeps {@link lastPointer} current; returns the function that stops tracking. */
export function trackPointer(): () => void {
  const onMove = (e: PointerEvent) => {
    lastPointer.x = e.clientX;
    lastPointer.y = e.clientY;
  };
  window.addEventListener('pointermove', onMove, true);
  window.addEventListener('pointerup', onMove, true);
  return () => {
    window.removeEventListener('pointermove', onMove, true);
    window.removeEventListener('pointerup', onMove, true);
  };
}

const containerOf = (attr: string | undefined): ContainerId => (attr ? attr : null);

/**
 * Where a drop at client point (x, y) lands, by hit-testing the canvas DOM: the innermost
 * field card (before/after by its vertical middle) or drop zone under the point. This is the
 * ground truth at release time, also when the pointer jumped there in one move (a synthetic
 * drag) and the drag library had no chance to update its own "over" target.
 */
export function dropTargetAtPoint(def: FormDefinition, x: number, y: number): DropTarget | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  for (const el of document.elementsFromPoint(x, y)) {
    const node = el as HTMLElement;
    const fieldId = node.dataset.dropField;
    if (fieldId) {
      const container = containerOf(node.dataset.dropIn);
      const i = containerFields(def, container).findIndex((f) => f.id === fieldId);
      if (i < 0) return null;
      const r = node.getBoundingClientRect();
      const after = y > r.top + r.height / 2;
      return { container, index: after ? i + 1 : i, overId: fieldId, after };
    }
    if (node.dataset.dropZone !== undefined) {
      const container = containerOf(node.dataset.dropZone);
      return { container, index: containerFields(def, container).length, overId: null, after: true };
    }
  }
  return null;
}
