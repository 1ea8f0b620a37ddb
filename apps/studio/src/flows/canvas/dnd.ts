import type { DragEvent } from 'react';
import type { NodeType } from '@kiln/engine-flow';

/** The drag-and-drop data type a palette item carries: the node type to add. */
export const NODE_DRAG_TYPE = 'application/x-kiln-flow-node';

/** Starts dragging node type `type` out of the palette. */
export function startNodeDrag(e: DragEvent, type: NodeType): void {
  e.dataTransfer.setData(NODE_DRAG_TYPE, type);
  e.dataTransfer.setData('text/plain', type);
  e.dataTransfer.effectAllowed = 'move';
}

/** The node type a drop carries, or null when it is not a palette item. */
export function droppedNodeType(e: DragEvent, known: readonly string[]): NodeType | null {
  const type = e.dataTransfer.getData(NODE_DRAG_TYPE);
  return known.includes(type) ? (type as NodeType) : null;
}
