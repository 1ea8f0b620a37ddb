import type { FlowDefinition } from '@kiln/engine-flow';
import type { FlowDryRunStep } from '../../api/types';
import { HANDLE_APPROVE, HANDLE_REJECT } from './constants';
import { edgeHandle } from './handles';

/** The nodes and edges a dry run went through, for highlighting. */
export interface DryRunPath {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** No dry run (nothing highlighted). */
export const EMPTY_PATH: DryRunPath = { nodes: new Set(), edges: new Set() };

/** The handle a step left its node by: the branch taken, or the approval's outcome. */
function handleOf(step: FlowDryRunStep): string | undefined {
  if (step.branch) return step.branch;
  if (step.outcome === 'reject' || step.outcome === 'auto-reject') return HANDLE_REJECT;
  if (step.outcome === 'approve' || step.outcome === 'auto-approve') return HANDLE_APPROVE;
  return undefined;
}

/**
 * Which nodes and edges a dry run's path covers: every node of a step, and each edge that
 * leaves a step's node by the handle it took (any handle when the step names none) towards a
 * node entered later on the path. Works for parallel splits, whose steps interleave.
 */
export function dryRunPath(def: FlowDefinition, steps: readonly FlowDryRunStep[]): DryRunPath {
  const nodes = new Set(steps.map((s) => s.node));
  const edges = new Set<string>();
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  steps.forEach((step, i) => {
    const later = new Set(steps.slice(i + 1).map((s) => s.node));
    const handle = handleOf(step);
    for (const e of def.edges) {
      if (e.source !== step.node || !later.has(e.target)) continue;
      if (handle === undefined || edgeHandle(byId.get(e.source), e.sourceHandle) === handle) edges.add(e.id);
    }
  });
  return { nodes, edges };
}
