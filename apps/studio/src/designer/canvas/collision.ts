import { closestCenter, type CollisionDetection } from '@dnd-kit/core';
import type { DndData } from './dnd-data';

/**
 * Picks the innermost droppable under the pointer (smallest area wins), so a sub-table's
 * inner zone and its child fields beat the sub-table card and the canvas around them.
 * A dragged sub-table never targets its own inside.
 */
export const innermostUnderPointer: CollisionDetection = (args) => {
  const p = args.pointerCoordinates;
  if (!p) return closestCenter(args);
  const activeId = String(args.active.id);
  const hits = [];
  for (const dc of args.droppableContainers) {
    const rect = args.droppableRects.get(dc.id);
    if (!rect) continue;
    if (p.x < rect.left || p.x > rect.left + rect.width || p.y < rect.top || p.y > rect.top + rect.height) continue;
    const data = dc.data.current as DndData | undefined;
    if (data?.kind === 'field' && data.container === activeId) continue;
    if (data?.kind === 'container' && data.container === activeId) continue;
    if (String(dc.id) === activeId) continue;
    hits.push({ id: dc.id, data: { droppableContainer: dc, value: rect.width * rect.height } });
  }
  return hits.sort((a, b) => a.data.value - b.data.value);
};
