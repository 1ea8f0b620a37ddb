import type { FlowDefinition, FlowNode, NodeType } from '@kiln/engine-flow';
import * as ops from '../model/graph-ops';
import { newNodeId } from '../model/ids';
import { newNode } from '../model/node-defaults';
import { breakUndoGroup, commitFlow, flowHistory, useFlowStore } from './flow-store';
import { bumpRevision, selectElements, useFlowUi } from './flow-ui';

const current = () => useFlowStore.getState().flow;

/** Vertical distance between a node and one added below it. */
const STEP_Y = 130;

/**
 * The flow editor's commands. Each is one undo step; pass `group` (usually the edited property)
 * to merge successive keystrokes into one.
 *
 * @example flowEdit.node(id, (n) => ({ ...n, data: { ...n.data, name } }), `${id}:name`);
 */
export const flowEdit = {
  /** Edits flow-level settings (name, form, calendar, results). */
  flow(fn: (f: FlowDefinition) => FlowDefinition, group?: string) {
    commitFlow(fn(current()), group);
  },
  /** Edits one node (edges from handles it no longer has are dropped). */
  node(id: string, fn: (n: FlowNode) => FlowNode, group?: string) {
    commitFlow(ops.updateNode(current(), id, fn), group);
  },
  /** Adds a node of `type` at a canvas position and selects it. */
  add(type: NodeType, position: { x: number; y: number }): string {
    const def = current();
    const node = newNode(type, newNodeId(def.nodes.map((n) => n.id)), position);
    breakUndoGroup();
    commitFlow(ops.addNode(def, node));
    breakUndoGroup();
    selectElements([node.id]);
    return node.id;
  },
  /**
   * Palette click: adds a node below the selected one, connected from its first free handle or
   * spliced into its first edge (see `addAfter`); with nothing selected, below the lowest node.
   */
  append(type: NodeType): string {
    const def = current();
    const ui = useFlowUi.getState();
    const from = ui.selectedNodes.length === 1 ? def.nodes.find((n) => n.id === ui.selectedNodes[0]) : undefined;
    const lowest = def.nodes.reduce<FlowNode | undefined>((lo, n) => ((n.position?.y ?? 0) > (lo?.position?.y ?? -Infinity) ? n : lo), undefined);
    const anchor = from ?? lowest;
    const position = anchor ? { x: anchor.position?.x ?? 0, y: (anchor.position?.y ?? 0) + STEP_Y } : { x: 0, y: 0 };
    const node = newNode(type, newNodeId(def.nodes.map((n) => n.id)), position);
    breakUndoGroup();
    commitFlow(from ? ops.addAfter(def, from, node) : ops.addNode(def, node));
    breakUndoGroup();
    selectElements([node.id]);
    return node.id;
  },
  /** Draws an edge (see `connect` in graph-ops for the rules). */
  connect(c: ops.NewConnection) {
    breakUndoGroup();
    commitFlow(ops.connect(current(), c));
    breakUndoGroup();
  },
  /** Removes nodes (with their edges) and edges; clears them from the selection. */
  remove(nodeIds: readonly string[], edgeIds: readonly string[]) {
    breakUndoGroup();
    commitFlow(ops.removeElements(current(), nodeIds, edgeIds));
    const ui = useFlowUi.getState();
    const gone = new Set([...nodeIds, ...edgeIds]);
    selectElements(ui.selectedNodes.filter((id) => !gone.has(id)), ui.selectedEdges.filter((id) => !gone.has(id)), { openTab: false });
  },
  /** Removes what is selected. */
  removeSelected() {
    const { selectedNodes, selectedEdges } = useFlowUi.getState();
    flowEdit.remove(selectedNodes, selectedEdges);
  },
  /** Moves nodes (a finished drag, auto layout): one undo step. */
  move(positions: Readonly<Record<string, { x: number; y: number }>>) {
    breakUndoGroup();
    commitFlow(ops.moveNodes(current(), positions));
    breakUndoGroup();
  },
  undo() {
    breakUndoGroup();
    flowHistory.getState().undo();
    bumpRevision();
  },
  redo() {
    breakUndoGroup();
    flowHistory.getState().redo();
    bumpRevision();
  },
};
