import type { FlowErrorCode, LocalizedText } from './types.js';

/** One entry of the error registry. */
export interface FlowErrorInfo {
  /** HTTP status when the error reaches the API on its own. */
  readonly status: number;
  /** Generic message; validation and `step` give a concrete one. */
  readonly message: Readonly<Exclude<LocalizedText, string>>;
  /** What the flow author (or the API client) should do about it. */
  readonly fix: string;
  /** Found by `validateFlow` (`static`) or while an instance runs (`runtime`). */
  readonly when: 'static' | 'runtime';
}

/**
 * Every code engine-flow reports, with its HTTP status, a generic bilingual message and a fix.
 * Codes are stable (clients branch on them); `FLOW_ERROR_CODES` in types.ts lists the same set.
 */
export const FLOW_ERRORS = {
  FLOW_INVALID: { status: 422, when: 'static', message: { 'zh-CN': '流程定义无效', en: 'The flow definition is invalid' }, fix: 'Follow the format in packages/engine-flow/src/types.ts: `nodes` and `edges` arrays, unique non-empty ids, a known calendar and form.' },
  FLOW_NO_START: { status: 422, when: 'static', message: { 'zh-CN': '流程没有开始节点', en: 'The flow has no start node' }, fix: 'Add exactly one node of type `start`.' },
  FLOW_MANY_STARTS: { status: 422, when: 'static', message: { 'zh-CN': '流程有多个开始节点', en: 'The flow has more than one start node' }, fix: 'Keep one `start` node; use a condition after it to branch by trigger or record.' },
  FLOW_NODE_UNREACHABLE: { status: 422, when: 'static', message: { 'zh-CN': '节点无法从开始节点到达', en: 'The node cannot be reached from the start' }, fix: 'Connect the node to the flow or delete it.' },
  FLOW_NODE_DEAD_END: { status: 422, when: 'static', message: { 'zh-CN': '节点无法到达结束节点', en: 'The node cannot reach an end node' }, fix: 'Connect every path to an `end` node.' },
  FLOW_EDGE_INVALID: { status: 422, when: 'static', message: { 'zh-CN': '连线无效', en: 'Invalid edge' }, fix: 'Edges need a unique id and existing source and target nodes; most nodes have exactly one outgoing edge, end nodes none.' },
  FLOW_JOIN_MISMATCH: { status: 422, when: 'static', message: { 'zh-CN': '并行分支与汇聚节点不匹配', en: 'Parallel split and join do not match' }, fix: 'Every branch of a parallel node must reach one common join (with one incoming edge per branch) before any end; every join closes exactly one parallel node.' },
  FLOW_ASSIGNEE_INVALID: { status: 422, when: 'static', message: { 'zh-CN': '审批人设置无效', en: 'Invalid assignee' }, fix: 'Give the approval at least one assignee: users (ids), a role, a group, a user field of the form, a manager level 1–10, or an expression.' },
  FLOW_CONDITION_INVALID: { status: 422, when: 'static', message: { 'zh-CN': '条件分支无效', en: 'Invalid condition' }, fix: 'Give the condition at least one branch with a unique id and an expression, one outgoing edge per branch (sourceHandle = branch id) and optionally one `default` edge. At run time: add a `default` edge for records no branch matches.' },
  FLOW_NODE_INVALID: { status: 422, when: 'static', message: { 'zh-CN': '节点设置无效', en: 'Invalid node settings' }, fix: 'Fix the property at `path` of the node.' },
  FLOW_NODE_NOT_FOUND: { status: 404, when: 'runtime', message: { 'zh-CN': '节点不存在', en: 'No such node' }, fix: 'The instance points at a node the definition does not have: run instances on the version they started with.' },
  FLOW_STEP_LIMIT: { status: 422, when: 'runtime', message: { 'zh-CN': '流程执行步数超限', en: 'The flow took too many steps' }, fix: 'A loop without a wait (approval, timer) ran away: put a wait or an exit condition into the loop.' },
  FLOW_DEPTH_LIMIT: { status: 422, when: 'runtime', message: { 'zh-CN': '子流程嵌套过深', en: 'Sub-flows are nested too deep' }, fix: 'A flow starts itself through sub-flows, or the chain is deeper than 5: break the cycle.' },
  FLOW_EVENT_INVALID: { status: 422, when: 'runtime', message: { 'zh-CN': '流程当前不接受此事件', en: 'The instance does not expect this event' }, fix: 'Reload the instance: it no longer waits for this (a late or duplicate answer), or the event is malformed.' },
  FLOW_NOT_RUNNING: { status: 409, when: 'runtime', message: { 'zh-CN': '流程已结束', en: 'The instance is not running' }, fix: 'The instance has finished; nothing more can be done on it.' },
  FLOW_TASK_NOT_OPEN: { status: 409, when: 'runtime', message: { 'zh-CN': '任务不存在或已处理', en: 'The task is not open' }, fix: 'Someone already acted on the task, or it was cancelled: reload.' },
  FLOW_NOT_ALLOWED: { status: 403, when: 'runtime', message: { 'zh-CN': '不允许此操作', en: 'The operation is not allowed' }, fix: 'The approval node does not allow this operation (transfer, add signer, return) or the edited field is not editable at this node.' },
  FLOW_RETURN_INVALID: { status: 422, when: 'runtime', message: { 'zh-CN': '不能退回到该节点', en: 'Cannot return to that node' }, fix: 'Return only to an approval node this branch already passed (see `returnTargets`).' },
  FLOW_WITHDRAW_REFUSED: { status: 409, when: 'runtime', message: { 'zh-CN': '不能撤回', en: 'The instance cannot be withdrawn' }, fix: 'Only the initiator can withdraw, and only before anyone acted on a task.' },
  FLOW_EXPRESSION_FAILED: { status: 422, when: 'runtime', message: { 'zh-CN': '流程表达式执行失败', en: 'A flow expression failed' }, fix: 'Fix the expression of the node (condition branch, rejectWhen/approveWhen, timer `until` must return an ISO date).' },
  FLOW_ACTION_FAILED: { status: 422, when: 'runtime', message: { 'zh-CN': '流程动作执行失败', en: 'A flow action failed' }, fix: 'Read the message of the failed action node (record update, create, rule or connector call) and fix its settings or data.' },
} as const satisfies Record<FlowErrorCode, FlowErrorInfo>;

/**
 * The registry as a Markdown table (code, HTTP status, English message, Chinese message, fix),
 * for the runtime to include in docs/errors.md.
 */
export function flowErrorsMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = (Object.keys(FLOW_ERRORS) as FlowErrorCode[]).map((code) => {
    const e: FlowErrorInfo = FLOW_ERRORS[code];
    return `| \`${code}\` | ${e.status} | ${esc(e.message.en)} | ${esc(e.message['zh-CN'])} | ${esc(e.fix)} |`;
  });
  return ['| Code | HTTP | Message | 中文 | Fix |', '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}
