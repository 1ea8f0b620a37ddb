import type { FlowNode, NodeOf, NodeType } from '../types.js';
import { incoming, nodeById, outgoing } from '../graph.js';
import { tryAddDuration } from '../time/add-duration.js';
import { emit, log, nextId, patchToken, type Ctx, type Entry } from './context.js';
import { enterApproval } from './approval.js';
import { continueToken, doneToken, follow } from './drive.js';
import { fail, finishInstance } from './finish.js';

type Enter<T extends NodeType> = (ctx: Ctx, token: string, node: NodeOf<T>, edge: string | undefined) => void;

/** What entering each node type does (a mapped type: every node type must have a behaviour). */
const ENTER: { readonly [T in NodeType]: Enter<T> } = {
  start: (ctx, token) => continueToken(ctx, token),
  approval: (ctx, token, node) => enterApproval(ctx, token, node),
  condition: (ctx, token, node) => {
    const sources = Object.fromEntries(node.data.branches.map((b) => [`${node.id}.branch.${b.id}`, b.when]));
    patchToken(ctx, token, { wait: 'evaluate' });
    emit(ctx, { type: 'evaluate', token, node: node.id, sources });
  },
  parallel: (ctx, token, node) => {
    doneToken(ctx, token);
    for (const edge of outgoing(ctx.def, node.id)) {
      const id = nextId(ctx, 'k');
      ctx.s.tokens[id] = { id, node: node.id, status: 'waiting', enteredAt: ctx.at };
      follow(ctx, id, edge);
    }
  },
  join: (ctx, token, node, edge) => {
    const arrived = [...(ctx.s.joins[node.id] ?? []), edge ?? ''];
    doneToken(ctx, token);
    const all = incoming(ctx.def, node.id).every((e) => arrived.includes(e.id));
    if (!all) {
      ctx.s.joins[node.id] = arrived;
      return;
    }
    delete ctx.s.joins[node.id];
    const id = nextId(ctx, 'k');
    ctx.s.tokens[id] = { id, node: node.id, status: 'waiting', enteredAt: ctx.at };
    continueToken(ctx, id);
  },
  action: (ctx, token, node) => {
    const { name: _n, description: _d, ...spec } = node.data;
    patchToken(ctx, token, { wait: 'action' });
    emit(ctx, { type: 'runAction', token, node: node.id, spec });
  },
  notify: (ctx, token, node) => {
    const { to, title, body } = node.data;
    emit(ctx, { type: 'notify', node: node.id, to, reason: 'node', title, ...(body !== undefined ? { body } : {}) });
    log(ctx, { type: 'notified', node: node.id });
    continueToken(ctx, token);
  },
  timer: (ctx, token, node) => {
    if (node.data.until) {
      patchToken(ctx, token, { wait: 'evaluate' });
      emit(ctx, { type: 'evaluate', token, node: node.id, sources: { [`${node.id}.until`]: node.data.until } });
      return;
    }
    const at = node.data.duration ? tryAddDuration(ctx.at, node.data.duration) : null;
    if (at === null) return fail(ctx, 'FLOW_NODE_INVALID', `Timer ${node.id} has no valid duration`, node.id);
    waitTimer(ctx, token, node.id, at);
  },
  subflow: (ctx, token, node) => {
    const wait = node.data.wait ?? true;
    emit(ctx, { type: 'startSubflow', token, node: node.id, flow: node.data.flow, wait });
    log(ctx, { type: 'subflow.started', node: node.id, detail: { flow: node.data.flow, wait } });
    if (wait) patchToken(ctx, token, { wait: 'subflow' });
    else continueToken(ctx, token);
  },
  end: (ctx, _token, node) => finishInstance(ctx, node.data.result ?? 'completed'),
};

/** Parks a token at a timer node until `at` (schedules a `timer` timer). @internal */
export function waitTimer(ctx: Ctx, token: string, node: string, at: string): void {
  const timer = { id: nextId(ctx, 'm'), kind: 'timer' as const, at, token };
  ctx.s.timers[timer.id] = timer;
  patchToken(ctx, token, { wait: 'timer' });
  emit(ctx, { type: 'scheduleTimer', timer });
  log(ctx, { type: 'timer.waiting', node, detail: { until: at } });
}

/** Processes one queued node entry: the token moves to the node (history `entered`), then the node's behaviour. @internal */
export function enterNode(ctx: Ctx, entry: Entry): void {
  const node = nodeById(ctx.def).get(entry.node);
  if (!node) return fail(ctx, 'FLOW_NODE_NOT_FOUND', `No node ${entry.node}`, entry.node);
  const prev = ctx.s.tokens[entry.token];
  ctx.s.tokens[entry.token] = { id: entry.token, node: node.id, status: 'waiting', enteredAt: ctx.at };
  if (!prev) throw new Error(`engine-flow: token ${entry.token} vanished`);
  log(ctx, { type: 'entered', node: node.id, detail: { token: entry.token } });
  const run = ENTER[node.type] as unknown as (ctx: Ctx, token: string, node: FlowNode, edge: string | undefined) => void;
  run(ctx, entry.token, node, entry.edge);
}
