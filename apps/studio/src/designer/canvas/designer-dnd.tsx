import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useEffect, type ReactNode } from 'react';
import { useLocale } from '../../hooks/useLocale';
import { useDragItem } from '../hooks/useDropLine';
import { containerFields } from '../model/containers';
import { canDropInto } from '../model/field-ops';
import { designer } from '../store/actions';
import { useDefinitionStore } from '../store/definition-store';
import { innermostUnderPointer } from './collision';
import type { DndData } from './dnd-data';
import { useDragStore, type DropTarget } from './drag-store';
import { DragChip } from './drag-chip';
import { dropTargetAtPoint, lastPointer, trackPointer } from './drop-from-point';
import { pointerY, resolveDropTarget } from './drop-target';

function targetFor(e: DragMoveEvent | DragEndEvent, atRelease = false): DropTarget | null {
  const item = useDragStore.getState().item;
  if (!item) return null;
  const def = useDefinitionStore.getState().definition;
  const t = atRelease
    ? (dropTargetAtPoint(def, lastPointer.x, lastPointer.y) ?? resolveDropTarget(def, e.over, pointerY(e.active, e.activatorEvent, e.delta.y)))
    : resolveDropTarget(def, e.over, pointerY(e.active, e.activatorEvent, e.delta.y));
  if (!t || !canDropInto(item.type, t.container)) return null;
  if (item.kind === 'field' && (t.overId === item.id || t.container === item.id)) return null;
  return t;
}

/**
 * The drag-and-drop context of the designer: palette items and canvas fields are
 * draggables; fields and container zones are droppables. A drop inserts before/after
 * the field under the pointer, or at the end of the zone.
 */
export function DesignerDnd({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const item = useDragItem();
  useEffect(trackPointer, []);

  const onDragStart = (e: DragStartEvent) => {
    const data = e.active.data.current as DndData | undefined;
    if (data?.kind === 'palette') useDragStore.setState({ item: { kind: 'palette', type: data.type }, target: null });
    else if (data?.kind === 'field') useDragStore.setState({ item: { kind: 'field', id: data.id, type: data.type }, target: null });
  };
  const onDragMove = (e: DragMoveEvent) => {
    const target = targetFor(e);
    const prev = useDragStore.getState().target;
    if (
      prev?.container !== target?.container ||
      prev?.index !== target?.index ||
      prev?.overId !== target?.overId ||
      prev?.after !== target?.after
    ) {
      useDragStore.setState({ target });
    }
  };
  const onDragEnd = (e: DragEndEvent) => {
    const target = targetFor(e, true);
    const dragged = useDragStore.getState().item;
    useDragStore.setState({ item: null, target: null });
    if (!target || !dragged) return;
    if (dragged.kind === 'palette') {
      designer.add(dragged.type, target.container, locale, target.index);
      return;
    }
    const def = useDefinitionStore.getState().definition;
    const from = containerFields(def, target.container).findIndex((f) => f.id === dragged.id);
    // moveField inserts into the list without the moved field: shift when moving down.
    const index = from >= 0 && from < target.index ? target.index - 1 : target.index;
    designer.move(dragged.id, target.container, index);
  };
  const onDragCancel = () => useDragStore.setState({ item: null, target: null });

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={innermostUnderPointer}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      {children}
      <DragOverlay dropAnimation={null}>{item ? <DragChip item={item} /> : null}</DragOverlay>
    </DndContext>
  );
}

