import type { FieldType } from '@kiln/engine-forms';
import type { ContainerId } from '../model/containers';

/** Data attached to each draggable / droppable, so drop handling needs no DOM lookups. */
export type DndData =
  | { kind: 'palette'; type: FieldType }
  | { kind: 'field'; id: string; type: FieldType; container: ContainerId }
  | { kind: 'container'; container: ContainerId };

/** Droppable id of a container (the canvas root or a sub-table's inner zone). */
export function containerDropId(container: ContainerId): string {
  return container === null ? 'container:root' : `container:${container}`;
}
