import type { Active, Over } from '@dnd-kit/core';
import type { FormDefinition } from '@kiln/engine-forms';
import { containerFields } from '../model/containers';
import type { DndData } from './dnd-data';
import type { DropTarget } from './drag-store';

/** Resolves where a drop lands from the droppable under the pointer and the pointer's y. */
export function resolveDropTarget(def: FormDefinition, over: Over | null, pointerY: number | null): DropTarget | null {
  if (!over) return null;
  const data = over.data.current as DndData | undefined;
  if (!data) return null;
  if (data.kind === 'container') {
    return { container: data.container, index: containerFields(def, data.container).length, overId: null, after: true };
  }
  if (data.kind !== 'field') return null;
  const list = containerFields(def, data.container);
  const i = list.findIndex((f) => f.id === data.id);
  if (i < 0) return null;
  const mid = over.rect.top + over.rect.height / 2;
  const after = pointerY !== null && pointerY > mid;
  return { container: data.container, index: after ? i + 1 : i, overId: data.id, after };
}

/** The pointer's current y, from the activating event plus the drag delta. */
export function pointerY(active: Active | null, activator: Event | null, deltaY: number): number | null {
  if (!active || !activator) return null;
  const e = activator as PointerEvent | MouseEvent | TouchEvent;
  if ('clientY' in e) return e.clientY + deltaY;
  if ('touches' in e && e.touches[0]) return e.touches[0].clientY + deltaY;
  return null;
}
