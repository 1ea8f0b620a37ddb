import type { FlowEdge } from '../types.js';
import { outgoing } from '../graph.js';
import { log, patchToken, type Ctx } from './context.js';
import { fail } from './finish.js';

/** Queues the entry of a token into a node (processed by the step loop, which counts and caps entries). @internal */
export function enqueue(ctx: Ctx, token: string, node: string, edge?: string): void {
  if (ctx.s.status !== 'running') return;
  ctx.queue.push({ token, node, ...(edge !== undefined ? { edge } : {}) });
}

/** Moves a token along an edge: history `left`, then the target's entry is queued. @internal */
export function follow(ctx: Ctx, token: string, edge: FlowEdge): void {
  const t = ctx.s.tokens[token]!;
  log(ctx, { type: 'left', node: t.node, detail: { edge: edge.id, token } });
  patchToken(ctx, token, { wait: undefined });
  enqueue(ctx, token, edge.target, edge.id);
}

/** Moves a token along its node's single outgoing edge; any other count fails the instance (FLOW_EDGE_INVALID). @internal */
export function continueToken(ctx: Ctx, token: string): void {
  const node = ctx.s.tokens[token]!.node;
  const out = outgoing(ctx.def, node);
  if (out.length !== 1) {
    fail(ctx, 'FLOW_EDGE_INVALID', `Node ${node} needs exactly one outgoing edge, has ${out.length}`, node);
    return;
  }
  follow(ctx, token, out[0]!);
}

/** Ends a token (it reached a join, a split or an end). @internal */
export function doneToken(ctx: Ctx, token: string): void {
  patchToken(ctx, token, { status: 'done', wait: undefined });
}
