import { useDragStore, type DragItem, type DropTarget } from '../canvas/drag-store';
import type { ContainerId } from '../model/containers';

const selectTarget = (s: { target: DropTarget | null }) => s.target;
const selectItem = (s: { item: DragItem | null }) => s.item;

/** Where the insertion line shows around field `id` during a drag: before, after, or nowhere. */
export function useDropLineAt(id: string): 'before' | 'after' | null {
  const t = useDragStore(selectTarget);
  return t?.overId === id ? (t.after ? 'after' : 'before') : null;
}

/** True when a drop would append at the end of `container` (line after its last field). */
export function useDropAtEnd(container: ContainerId): boolean {
  const t = useDragStore(selectTarget);
  return t !== null && t.container === container && t.overId === null;
}

/** What is being dragged, if anything. */
export function useDragItem(): DragItem | null {
  return useDragStore(selectItem);
}
