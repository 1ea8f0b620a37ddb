import { Temporal } from 'temporal-polyfill';
import type { ConditionNode, EventOf, TimerNode } from '../types.js';
import { nodeById, outgoing } from '../graph.js';
import { log, refuse, type Ctx, type Outcome } from './context.js';
import { approvalAssigned, approvalEvaluated } from './approval.js';
import { continueToken, follow } from './drive.js';
import { waitTimer } from './enter.js';
import { fail } from './finish.js';
import { isRefusal, isUserId, waitingToken } from './guards.js';
import { isAfter } from './tasks.js';
import { reassignTask } from './on-timers.js';

/** `evaluated`: the answer to an `evaluate` command of an approval, condition or timer node. @internal */
export function onEvaluated(ctx: Ctx, ev: EventOf<'evaluated'>): Outcome {
  const t = waitingToken(ctx, ev.token, 'evaluate');
  if (isRefusal(t)) return t;
  const node = nodeById(ctx.def).get(t.node);
  if (!node) return fail(ctx, 'FLOW_NODE_NOT_FOUND', `No node ${t.node}`, t.node);
  if (ev.error) return fail(ctx, 'FLOW_EXPRESSION_FAILED', `${ev.error.code}: ${ev.error.message}`, node.id);
  const results = ev.results ?? {};
  if (node.type === 'approval') return approvalEvaluated(ctx, t.id, node, results);
  if (node.type === 'condition') return conditionEvaluated(ctx, t.id, node, results);
  if (node.type === 'timer') return untilEvaluated(ctx, t.id, node, results[`${node.id}.until`]);
  return refuse('FLOW_EVENT_INVALID', `Node ${node.id} evaluates nothing`, { nodeId: node.id });
}

function conditionEvaluated(ctx: Ctx, token: string, node: ConditionNode, results: Readonly<Record<string, unknown>>): void {
  const branch = node.data.branches.find((b) => Boolean(results[`${node.id}.branch.${b.id}`]))?.id ?? 'default';
  const edge = outgoing(ctx.def, node.id).find((e) => e.sourceHandle === branch);
  if (!edge) {
    const why = branch === 'default' ? 'no branch matched and there is no default edge' : `branch ${branch} has no edge`;
    return fail(ctx, 'FLOW_CONDITION_INVALID', `Condition ${node.id}: ${why}`, node.id);
  }
  log(ctx, { type: 'branch', node: node.id, detail: { branch, token } });
  follow(ctx, token, edge);
}

function untilEvaluated(ctx: Ctx, token: string, node: TimerNode, value: unknown): void {
  const until = parseUntil(value, ctx.def.calendar?.timezone ?? 'Asia/Shanghai');
  if (until === null) return fail(ctx, 'FLOW_EXPRESSION_FAILED', `Timer ${node.id}: until returned ${JSON.stringify(value) ?? 'undefined'}, not an ISO date`, node.id);
  if (!isAfter(until, ctx.at)) return continueToken(ctx, token);
  waitTimer(ctx, token, node.id, until);
}

/**
 * A timer's `until` value as an ISO instant: an instant with offset, a local date-time or date
 * (in the flow calendar's time zone; a date means its midnight), or epoch milliseconds.
 */
function parseUntil(value: unknown, timeZone: string): string | null {
  try {
    if (typeof value === 'number' && Number.isFinite(value)) return Temporal.Instant.fromEpochMilliseconds(Math.round(value)).toString();
    if (typeof value !== 'string' || value.trim() === '') return null;
    const s = value.trim();
    if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) && s.includes('T')) return Temporal.Instant.from(s).toString();
    if (s.includes('T') || s.includes(' ')) return Temporal.PlainDateTime.from(s.replace(' ', 'T')).toZonedDateTime(timeZone).toInstant().toString();
    return Temporal.PlainDate.from(s).toZonedDateTime({ timeZone }).toInstant().toString();
  } catch {
    return null;
  }
}

/** `assigneesResolved`: on entry (the token waits `assignees`) or for an escalation's reassignment. @internal */
export function onAssigneesResolved(ctx: Ctx, ev: EventOf<'assigneesResolved'>): Outcome {
  if (!Array.isArray(ev.users) || !ev.users.every(isUserId)) return refuse('FLOW_EVENT_INVALID', 'users must be a list of user ids');
  if (ev.purpose === 'escalate') return reassignTask(ctx, ev);
  const t = waitingToken(ctx, ev.token, 'assignees');
  if (isRefusal(t)) return t;
  const node = nodeById(ctx.def).get(t.node);
  if (!node || node.type !== 'approval') return fail(ctx, 'FLOW_NODE_NOT_FOUND', `No approval node ${t.node}`, t.node);
  approvalAssigned(ctx, t.id, node, ev.users);
}

/** `actionDone`: an action node finished (or failed: the instance fails with FLOW_ACTION_FAILED). @internal */
export function onActionDone(ctx: Ctx, ev: EventOf<'actionDone'>): Outcome {
  const t = waitingToken(ctx, ev.token, 'action');
  if (isRefusal(t)) return t;
  if (ev.error) return fail(ctx, 'FLOW_ACTION_FAILED', `${ev.error.code}: ${ev.error.message}`, t.node);
  log(ctx, { type: 'action.done', node: t.node });
  continueToken(ctx, t.id);
}

/** `subflowFinished`: a sub-flow started with `wait` finished (whatever its result, the token goes on; `error` fails the instance). @internal */
export function onSubflowFinished(ctx: Ctx, ev: EventOf<'subflowFinished'>): Outcome {
  const t = waitingToken(ctx, ev.token, 'subflow');
  if (isRefusal(t)) return t;
  if (ev.error) {
    const code = ev.error.code === 'FLOW_DEPTH_LIMIT' ? 'FLOW_DEPTH_LIMIT' : 'FLOW_ACTION_FAILED';
    return fail(ctx, code, `${ev.error.code}: ${ev.error.message}`, t.node);
  }
  log(ctx, { type: 'subflow.finished', node: t.node, outcome: ev.result });
  continueToken(ctx, t.id);
}
