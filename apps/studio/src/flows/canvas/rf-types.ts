import type { FlowEdge, FlowNode } from '@kiln/engine-flow';
import type { Edge, Node } from '@xyflow/react';
import type { EditorFlowProblem } from '../model/editor-problem';
import type { SourceHandle } from '../model/handles';

/** What a canvas node carries: its definition, its problems and whether a dry run went through it. */
export type RfNodeData = {
  def: FlowNode;
  problems: EditorFlowProblem[];
  onPath: boolean;
};

/** What a canvas edge carries: its definition, the handle role it leaves by, its label. */
export type RfEdgeData = {
  def: FlowEdge;
  kind: SourceHandle['kind'];
  label: string;
  problems: EditorFlowProblem[];
  onPath: boolean;
};

/** A canvas node (xyflow) of the flow editor. */
export type RfNode = Node<RfNodeData, 'flow'>;
/** A canvas edge (xyflow) of the flow editor. */
export type RfEdge = Edge<RfEdgeData, 'flow'>;
