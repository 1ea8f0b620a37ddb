import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { useDryRunPath } from '../hooks/useDryRunPath';
import { useFlow } from '../hooks/useFlow';
import { useProblems } from '../hooks/useProblems';
import type { NodeSize } from '../model/auto-layout';
import { PALETTE_TYPES } from '../model/constants';
import { canConnect } from '../model/graph-ops';
import { flowEdit } from '../store/edit';
import { useFlowStore } from '../store/flow-store';
import { useFlowUi, type FlowUiState } from '../store/flow-ui';
import { droppedNodeType, NODE_DRAG_TYPE } from './dnd';
import { FlowEdgeView } from './flow-edge-view';
import { FlowNodeView } from './flow-node-view';
import type { RfEdge, RfNode } from './rf-types';
import { applySelection } from './selection';
import { toRfEdges, toRfNodes } from './to-rf';

const nodeTypes = { flow: FlowNodeView };
const edgeTypes = { flow: FlowEdgeView };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MARKER_COLORS: Record<string, string> = { reject: '#c62828', approve: '#1a7f4b' };
/** Where a dropped node lands relative to the pointer (about its centre). */
const DROP_OFFSET = { x: 110, y: 30 };

const selectNodes = (s: FlowUiState) => s.selectedNodes;
const selectEdges = (s: FlowUiState) => s.selectedEdges;

type XY = { x: number; y: number };

function openNodeTab(): void {
  useFlowUi.setState((s) => (s.tab === 'dryrun' ? s : { tab: 'node' }));
}

/**
 * The flow canvas (xyflow): the flow's nodes and edges drawn from the store, drag from the
 * palette to add, drag between handles to connect (the edge's `sourceHandle` is the handle's
 * id), Delete / Backspace to remove, moves committed as one undo step when a drag ends,
 * problems and the dry-run path drawn on the elements, minimap and zoom controls.
 */
export function FlowCanvas() {
  const { t } = useTranslation();
  const locale = useLocale();
  const flow = useFlow();
  const selectedNodes = useFlowUi(selectNodes);
  const selectedEdges = useFlowUi(selectEdges);
  const problems = useProblems();
  const path = useDryRunPath();
  const { screenToFlowPosition } = useReactFlow();
  const [sizes, setSizes] = useState<Record<string, NodeSize>>({});
  const [dragging, setDragging] = useState<Record<string, XY>>({});

  const nodes = useMemo(() => toRfNodes(flow, { selected: selectedNodes, sizes, dragging, problems, path }), [flow, selectedNodes, sizes, dragging, problems, path]);
  const edges = useMemo(
    () =>
      toRfEdges(flow, { selected: selectedEdges, problems, path, t, locale }).map((e) => ({
        ...e,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: e.data?.onPath ? '#2f6fed' : (MARKER_COLORS[e.data?.kind ?? ''] ?? '#8a94a6') },
      })),
    [flow, selectedEdges, problems, path, t, locale],
  );

  const onNodesChange = useCallback((changes: NodeChange<RfNode>[]) => {
    const dims: Record<string, NodeSize> = {};
    const moved: Record<string, XY> = {};
    const sel: Record<string, boolean> = {};
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) dims[c.id] = c.dimensions;
      else if (c.type === 'position' && c.position && c.dragging) moved[c.id] = c.position;
      else if (c.type === 'select') sel[c.id] = c.selected;
    }
    if (Object.keys(dims).length) setSizes((s) => ({ ...s, ...dims }));
    if (Object.keys(moved).length) setDragging((d) => ({ ...d, ...moved }));
    if (Object.keys(sel).length) useFlowUi.setState((s) => ({ selectedNodes: applySelection(s.selectedNodes, sel) }));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<RfEdge>[]) => {
    const sel: Record<string, boolean> = {};
    for (const c of changes) if (c.type === 'select') sel[c.id] = c.selected;
    if (Object.keys(sel).length) useFlowUi.setState((s) => ({ selectedEdges: applySelection(s.selectedEdges, sel) }));
  }, []);

  const onNodeDragStop = useCallback<OnNodeDrag<RfNode>>((_e, _node, dragged) => {
    flowEdit.move(Object.fromEntries(dragged.map((n) => [n.id, n.position])));
    setDragging({});
  }, []);

  const onDelete = useCallback<OnDelete<RfNode, RfEdge>>(({ nodes: ns, edges: es }) => flowEdit.remove(ns.map((n) => n.id), es.map((e) => e.id)), []);
  const onConnect = useCallback((c: Connection) => flowEdit.connect({ source: c.source, target: c.target, sourceHandle: c.sourceHandle }), []);
  const isValidConnection = useCallback(
    (c: Connection | Edge) => canConnect(useFlowStore.getState().flow, { source: c.source, target: c.target, sourceHandle: c.sourceHandle }),
    [],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = droppedNodeType(e, PALETTE_TYPES);
      if (!type) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      flowEdit.add(type, { x: Math.round(p.x - DROP_OFFSET.x), y: Math.round(p.y - DROP_OFFSET.y) });
    },
    [screenToFlowPosition],
  );

  return (
    <div className="flow-canvas" data-testid="flow-canvas" data-nodes={flow.nodes.length} data-edges={flow.edges.length}>
      <ReactFlow<RfNode, RfEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={openNodeTab}
        onDelete={onDelete}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={DELETE_KEYS}
        fitView
        fitViewOptions={{ padding: 0.25, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeStrokeWidth={2} className="flow-minimap" />
      </ReactFlow>
    </div>
  );
}
