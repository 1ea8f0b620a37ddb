import { DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragOverEvent, type DragStartEvent } from '@dnd-kit/core';
import { useEffect, type ReactNode } from 'react';
import { lastPointer, trackPointer } from '../../designer/canvas/drop-from-point';
import { findField, fitsWell } from '../model/palette';
import { isDimensionWell, wellItems, type WellId } from '../model/wells';
import { usePalette } from '../hooks/usePalette';
import { reportEdit } from '../store/edit';
import { useReportStore } from '../store/report-store';
import { smallestUnderPointer } from './collision';
import type { ReportDndData } from './dnd-data';
import { DragLabel } from './drag-label';
import { useReportDrag } from './drag-store';
import { wellDropAtPoint, wellDropOf } from './drop-at-point';

const selectItem = (s: ReturnType<typeof useReportDrag.getState>) => s.item;
const itemsOf = (well: WellId) => wellItems(useReportStore.getState().doc, well);

/** True when a chip of `from` may land in `to`: its own well, or the other side of the pivot. */
function canMove(from: WellId, to: WellId): boolean {
  return from === to || (from !== 'dimensions' && isDimensionWell(from) && to !== 'dimensions' && isDimensionWell(to));
}

/**
 * The drag-and-drop context of the report designer: palette fields and chips are draggables,
 * wells and chips droppables. A palette field dropped in a well becomes a dimension, measure or
 * filter there (before the chip under the pointer, else at the end); a chip moves within its
 * well, or between the pivot's rows and columns.
 */
export function ReportDnd({ children }: { children: ReactNode }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const palette = usePalette();
  const item = useReportDrag(selectItem);
  useEffect(trackPointer, []);

  const onDragStart = (e: DragStartEvent) => {
    const data = e.active.data.current as ReportDndData | undefined;
    if (data && data.kind !== 'well') useReportDrag.setState({ item: data, over: null });
  };
  const onDragOver = (e: DragOverEvent) => {
    const over = wellDropOf(e.over, itemsOf);
    if (over?.well !== useReportDrag.getState().over?.well) useReportDrag.setState({ over });
  };
  const onDragEnd = (e: DragEndEvent) => {
    const dragged = useReportDrag.getState().item;
    useReportDrag.setState({ item: null, over: null });
    if (!dragged) return;
    if (dragged.kind === 'palette') {
      // Hit-test first: the ground truth at release, also after a synthetic jump of the pointer.
      const target = wellDropAtPoint(lastPointer.x, lastPointer.y) ?? wellDropOf(e.over, itemsOf);
      const field = findField(palette, dragged.path);
      if (target && field && fitsWell(field, target.well)) reportEdit.drop(target.well, field, target.index);
      return;
    }
    // A chip: sortable semantics — it takes the place of the chip it is over (its rect as the drag
    // began; chips shift while dragging), or goes to the end of the well.
    const target = wellDropOf(e.over, itemsOf) ?? wellDropAtPoint(lastPointer.x, lastPointer.y);
    if (!target || !canMove(dragged.well, target.well)) return;
    const list = itemsOf(target.well);
    const index = target.index ?? list.length - (dragged.well === target.well ? 1 : 0);
    reportEdit.move(dragged.well, target.well, dragged.id, index);
  };
  const onDragCancel = () => useReportDrag.setState({ item: null, over: null });

  return (
    <DndContext sensors={sensors} collisionDetection={smallestUnderPointer} onDragStart={onDragStart} onDragOver={onDragOver} onDragEnd={onDragEnd} onDragCancel={onDragCancel}>
      {children}
      <DragOverlay dropAnimation={null}>{item ? <DragLabel item={item} /> : null}</DragOverlay>
    </DndContext>
  );
}
