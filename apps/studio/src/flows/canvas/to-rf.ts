import type { FlowDefinition } from '@kiln/engine-flow';
import type { TFunction } from 'i18next';
import { pick } from '../../ui/localized';
import type { DryRunPath } from '../model/dry-run-path';
import type { EditorFlowProblem } from '../model/editor-problem';
import { edgeHandle, sourceHandles, type SourceHandle } from '../model/handles';
import type { NodeSize } from '../model/auto-layout';
import type { RfEdge, RfNode } from './rf-types';

const NONE: EditorFlowProblem[] = [];

function group<K extends 'nodeId' | 'edgeId'>(problems: readonly EditorFlowProblem[], key: K): Map<string, EditorFlowProblem[]> {
  const out = new Map<string, EditorFlowProblem[]>();
  for (const p of problems) {
    const id = p[key];
    if (id) out.set(id, [...(out.get(id) ?? []), p]);
  }
  return out;
}

/**
 * The canvas nodes of a flow: positions (a drag in progress wins), the selection, sizes already
 * measured (so xyflow does not measure them again), problems and the dry-run path.
 */
export function toRfNodes(
  def: FlowDefinition,
  view: { selected: readonly string[]; sizes: Readonly<Record<string, NodeSize>>; dragging: Readonly<Record<string, { x: number; y: number }>>; problems: readonly EditorFlowProblem[]; path: DryRunPath },
): RfNode[] {
  const selected = new Set(view.selected);
  const byNode = group(view.problems.filter((p) => !p.edgeId), 'nodeId');
  return def.nodes.map((n) => ({
    id: n.id,
    type: 'flow',
    position: view.dragging[n.id] ?? n.position ?? { x: 0, y: 0 },
    data: { def: n, problems: byNode.get(n.id) ?? NONE, onPath: view.path.nodes.has(n.id) },
    selected: selected.has(n.id),
    measured: view.sizes[n.id],
  }));
}

/** The label on an edge: the outcome of an approval, the branch of a condition. */
function edgeLabel(h: SourceHandle | undefined, t: TFunction, locale: string): string {
  if (!h) return '';
  if (h.kind === 'approve') return t('flows.handles.approve');
  if (h.kind === 'reject') return t('flows.handles.reject');
  if (h.kind === 'default') return t('flows.handles.default');
  if (h.kind === 'branch') return pick(h.branch?.name, locale, h.id ?? '');
  return '';
}

/** The canvas edges of a flow, labelled by the handle they leave from. */
export function toRfEdges(
  def: FlowDefinition,
  view: { selected: readonly string[]; problems: readonly EditorFlowProblem[]; path: DryRunPath; t: TFunction; locale: string },
): RfEdge[] {
  const selected = new Set(view.selected);
  const byEdge = group(view.problems, 'edgeId');
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
  return def.edges.map((e) => {
    const source = nodes.get(e.source);
    const handleId = edgeHandle(source, e.sourceHandle);
    const h = source ? sourceHandles(source).find((x) => x.id === handleId) : undefined;
    return {
      id: e.id,
      type: 'flow',
      source: e.source,
      target: e.target,
      sourceHandle: handleId,
      selected: selected.has(e.id),
      data: { def: e, kind: h?.kind ?? 'out', label: edgeLabel(h, view.t, view.locale), problems: byEdge.get(e.id) ?? NONE, onPath: view.path.edges.has(e.id) },
    };
  });
}
