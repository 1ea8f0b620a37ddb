import { create } from 'zustand';
import type { FieldType } from '@kiln/engine-forms';
import type { ContainerId } from '../model/containers';

/** Where a drop would land: insert before position `index` of `container`. */
export interface DropTarget {
  container: ContainerId;
  index: number;
  /** The field the pointer is over, and on which side the line shows. */
  overId: string | null;
  after: boolean;
}

/** What is being dragged: a new field from the palette or an existing field. */
export type DragItem = { kind: 'palette'; type: FieldType } | { kind: 'field'; id: string; type: FieldType };

interface DragState {
  item: DragItem | null;
  target: DropTarget | null;
}

/** Live drag state, read by the canvas to draw the insertion line. */
export const useDragStore = create<DragState>(() => ({ item: null, target: null }));
