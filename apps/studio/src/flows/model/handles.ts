import type { FlowNode } from '@kiln/engine-flow';
import { HANDLE_APPROVE, HANDLE_DEFAULT, HANDLE_REJECT } from './constants';

/** One source handle of a node: its id (`null` for the single unnamed output) and its role. */
export interface SourceHandle {
  id: string | null;
  kind: 'out' | 'approve' | 'reject' | 'branch' | 'default';
  /** The condition branch it belongs to (`kind: 'branch'`). */
  branch?: { id: string; name?: FlowNode['data']['name'] };
}

/**
 * The source handles of a node, left to right: an approval's `approve` and `reject`, a
 * condition's branches (by branch id) then `default`, none for an end node, and one unnamed
 * output for everything else. An edge's `sourceHandle` is one of these ids.
 */
export function sourceHandles(node: FlowNode): SourceHandle[] {
  switch (node.type) {
    case 'end':
      return [];
    case 'approval':
      return [
        { id: HANDLE_APPROVE, kind: 'approve' },
        { id: HANDLE_REJECT, kind: 'reject' },
      ];
    case 'condition':
      return [
        ...(node.data.branches ?? []).map((b) => ({ id: b.id, kind: 'branch' as const, branch: { id: b.id, name: b.name } })),
        { id: HANDLE_DEFAULT, kind: 'default' },
      ];
    default:
      return [{ id: null, kind: 'out' }];
  }
}

/** Whether a node has an input (every node but the start). */
export function hasTarget(node: FlowNode): boolean {
  return node.type !== 'start';
}

/** Whether several edges may leave the same handle (a parallel split fans out). */
export function fansOut(node: FlowNode): boolean {
  return node.type === 'parallel';
}

/**
 * The handle id an edge leaves `node` by, normalized: an approval edge without one is an
 * `approve` edge; single-output nodes have none.
 */
export function edgeHandle(node: FlowNode | undefined, sourceHandle: string | null | undefined): string | null {
  if (node?.type === 'approval') return sourceHandle || HANDLE_APPROVE;
  return sourceHandle || null;
}
