import { pointerWithin, type CollisionDetection } from '@dnd-kit/core';

/**
 * The droppables under the pointer, smallest first: a chip beats the well around it. Unlike the
 * form designer's, the dragged chip's own place counts, so dropping a chip where it was is a no-op.
 */
export const smallestUnderPointer: CollisionDetection = (args) => {
  const area = (id: string | number) => {
    const r = args.droppableRects.get(id);
    return r ? r.width * r.height : Infinity;
  };
  return pointerWithin(args).sort((a, b) => area(a.id) - area(b.id));
};
