import { APPROVAL_MODES, ESCALATIONS, type ApprovalNode, type FlowDefinition } from '../types.js';
import { durationMs } from '../time/add-duration.js';
import { resolveCalendar } from '../time/calendar.js';
import { DAY_MS } from '../time/duration.js';
import type { Graph } from './graph-checks.js';
import { isName, isObject, type Problems } from './problems.js';

const isPositiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

/** Approval node checks: assignees (FLOW_ASSIGNEE_INVALID), settings (FLOW_NODE_INVALID), edges (FLOW_EDGE_INVALID). @internal */
export function checkApproval(def: FlowDefinition, node: ApprovalNode, g: Graph, p: Problems): void {
  const d = node.data as unknown as Record<string, unknown>;
  const at = (path: string) => ({ nodeId: node.id, path });
  checkAssignees(def, node.id, d.assignees, p, '/data/assignees');
  if (!(APPROVAL_MODES as readonly unknown[]).includes(d.mode)) {
    p.add('FLOW_NODE_INVALID', `审批方式 “${String(d.mode)}” 无效，可选：any（或签）、all（会签）、percent（按比例）`, `Unknown mode "${String(d.mode)}"; use any, all or percent`, at('/data/mode'));
  }
  if (d.mode === 'percent' && !(Number.isInteger(d.percent) && (d.percent as number) >= 1 && (d.percent as number) <= 100)) {
    p.add('FLOW_NODE_INVALID', '按比例审批的 percent 应为 1–100 的整数', 'For mode percent, `percent` must be an integer from 1 to 100', at('/data/percent'));
  }
  if (d.pick !== undefined && d.pick !== 'all' && d.pick !== 'roundRobin') p.add('FLOW_NODE_INVALID', 'pick 应为 all 或 roundRobin', '`pick` must be all or roundRobin', at('/data/pick'));
  if (d.onEmpty !== undefined && !['approve', 'reject', 'admin'].includes(d.onEmpty as string)) p.add('FLOW_NODE_INVALID', 'onEmpty 应为 approve、reject 或 admin', '`onEmpty` must be approve, reject or admin', at('/data/onEmpty'));
  if (d.assignField !== undefined) userField(def, node.id, d.assignField, p, '/data/assignField', 'FLOW_NODE_INVALID');
  if (d.fields !== undefined) {
    if (!isObject(d.fields)) p.add('FLOW_NODE_INVALID', 'fields 应为对象', '`fields` must be an object', at('/data/fields'));
    else for (const k of ['visible', 'editable'] as const) fieldList(def, node.id, d.fields[k], p, `/data/fields/${k}`);
  }
  if (d.sla !== undefined) checkSla(def, node.id, d.sla, p);
  if (d.rejectWhen !== undefined) p.expr('FLOW_NODE_INVALID', d.rejectWhen, node.id, '/data/rejectWhen');
  if (d.approveWhen !== undefined) p.expr('FLOW_NODE_INVALID', d.approveWhen, node.id, '/data/approveWhen');
  const out = g.out.get(node.id)!;
  const approve = out.filter((e) => e.sourceHandle == null || e.sourceHandle === 'approve');
  const reject = out.filter((e) => e.sourceHandle === 'reject');
  if (approve.length !== 1) p.add('FLOW_EDGE_INVALID', `审批节点需要恰好一条“同意”出线（现有 ${approve.length} 条）`, `An approval needs exactly one approve edge (has ${approve.length})`, { nodeId: node.id });
  if (reject.length > 1) p.add('FLOW_EDGE_INVALID', '审批节点最多一条“驳回”出线', 'An approval has at most one reject edge', { nodeId: node.id, edgeId: reject[1]!.id });
  for (const e of out) {
    if (e.sourceHandle != null && e.sourceHandle !== 'approve' && e.sourceHandle !== 'reject') {
      p.add('FLOW_EDGE_INVALID', `审批节点的出线只能是 approve 或 reject（现为 “${e.sourceHandle}”）`, `Approval edges are approve or reject (not "${e.sourceHandle}")`, { nodeId: node.id, edgeId: e.id });
    }
  }
}

/** Checks a non-empty list of assignee specs (approval assignees, notify recipients). @internal */
export function checkAssignees(def: FlowDefinition, nodeId: string, list: unknown, p: Problems, path: string, recipients = false): void {
  if (!Array.isArray(list) || list.length === 0) {
    if (recipients) p.add('FLOW_ASSIGNEE_INVALID', '请至少设置一个通知对象', 'Set at least one recipient', { nodeId, path });
    else p.add('FLOW_ASSIGNEE_INVALID', '请至少设置一个审批人', 'Set at least one assignee', { nodeId, path });
    return;
  }
  list.forEach((spec: unknown, i) => {
    const at = `${path}/${i}`;
    const bad = (zh: string, en: string, sub = '') => p.add('FLOW_ASSIGNEE_INVALID', zh, en, { nodeId, path: at + sub });
    if (!isObject(spec)) return bad('审批人设置应为对象', 'An assignee must be an object');
    switch (spec.kind) {
      case 'users':
        if (!Array.isArray(spec.users) || spec.users.length === 0 || !spec.users.every(isPositiveInt)) bad('users 应为非空的用户 ID 列表', '`users` must be a non-empty list of user ids', '/users');
        return;
      case 'role':
      case 'group':
        if (!isName(spec[spec.kind])) bad(`${spec.kind} 不能为空`, `\`${spec.kind}\` must be a non-empty string`, `/${spec.kind}`);
        return;
      case 'field':
        userField(def, nodeId, spec.field, p, `${at}/field`, 'FLOW_ASSIGNEE_INVALID');
        return;
      case 'manager':
        if (!(Number.isInteger(spec.levels) && (spec.levels as number) >= 1 && (spec.levels as number) <= 10)) bad('上级层级 levels 应为 1–10 的整数', '`levels` must be an integer from 1 to 10', '/levels');
        return;
      case 'expression':
        p.expr('FLOW_ASSIGNEE_INVALID', spec.expression, nodeId, `${at}/expression`);
        return;
      case 'initiator':
        return;
      default:
        bad(`审批人类型 “${String(spec.kind)}” 无效`, `Unknown assignee kind "${String(spec.kind)}"`, '/kind');
    }
  });
}

function userField(def: FlowDefinition, nodeId: string, key: unknown, p: Problems, path: string, code: 'FLOW_ASSIGNEE_INVALID' | 'FLOW_NODE_INVALID'): void {
  if (!isName(key)) return p.add(code, '字段不能为空', 'The field is empty', { nodeId, path });
  if (!p.knowsForm(def.form)) return;
  const f = p.field(def.form, key);
  if (!f) p.add(code, `字段 “${key}” 不存在于表单 ${def.form}`, `Field "${key}" does not exist in form ${def.form}`, { nodeId, path });
  else if (f.type !== 'user') p.add(code, `字段 “${key}” 不是人员字段（${f.type}）`, `Field "${key}" is not a user field (${f.type})`, { nodeId, path });
}

function fieldList(def: FlowDefinition, nodeId: string, list: unknown, p: Problems, path: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) return p.add('FLOW_NODE_INVALID', '应为字段列表', 'Must be a list of field keys', { nodeId, path });
  list.forEach((k: unknown, i) => {
    if (!isName(k)) return p.add('FLOW_NODE_INVALID', '字段不能为空', 'The field is empty', { nodeId, path: `${path}/${i}` });
    if (p.knowsForm(def.form) && !p.field(def.form, k)) p.add('FLOW_NODE_INVALID', `字段 “${k}” 不存在于表单 ${def.form}`, `Field "${k}" does not exist in form ${def.form}`, { nodeId, path: `${path}/${i}` });
  });
}

function checkSla(def: FlowDefinition, nodeId: string, sla: unknown, p: Problems): void {
  const bad = (path: string, zh: string, en: string) => p.add('FLOW_NODE_INVALID', zh, en, { nodeId, path });
  if (!isObject(sla)) return bad('/data/sla', 'sla 应为对象', '`sla` must be an object');
  let dayMs = DAY_MS;
  try {
    if (sla.businessHours === true) dayMs = resolveCalendar(def.calendar ?? {}).dayMinutes * 60_000 || DAY_MS;
  } catch {
    // A broken calendar is reported by the calendar checks.
  }
  const due = typeof sla.due === 'string' ? durationMs(sla.due, dayMs) : null;
  if (due === null || due <= 0) bad('/data/sla/due', `时限 “${String(sla.due)}” 无效，例如 PT2H、P1D`, `Invalid due "${String(sla.due)}", e.g. PT2H or P1D`);
  if (sla.remindBefore !== undefined) {
    const remind = typeof sla.remindBefore === 'string' ? durationMs(sla.remindBefore, dayMs) : null;
    if (remind === null || remind <= 0) bad('/data/sla/remindBefore', `提醒时间 “${String(sla.remindBefore)}” 无效，例如 PT30M`, `Invalid remindBefore "${String(sla.remindBefore)}", e.g. PT30M`);
    else if (due !== null && remind >= due) bad('/data/sla/remindBefore', '提前提醒时间应短于时限', '`remindBefore` must be shorter than `due`');
  }
  if (sla.escalate === undefined) return;
  if (!isObject(sla.escalate) || !(ESCALATIONS as readonly unknown[]).includes(sla.escalate.action)) {
    return bad('/data/sla/escalate/action', `超时处理方式无效，可选：${ESCALATIONS.join('、')}`, `Invalid escalation action; use one of: ${ESCALATIONS.join(', ')}`);
  }
  const n = sla.escalate.notify;
  if (n === undefined) return;
  if (!isObject(n)) return bad('/data/sla/escalate/notify', 'notify 应为对象', '`notify` must be an object');
  if (n.users !== undefined && !(Array.isArray(n.users) && n.users.every(isPositiveInt))) bad('/data/sla/escalate/notify/users', 'users 应为用户 ID 列表', '`users` must be a list of user ids');
  for (const k of ['groups', 'roles'] as const) {
    if (n[k] !== undefined && !(Array.isArray(n[k]) && (n[k] as unknown[]).every(isName))) bad(`/data/sla/escalate/notify/${k}`, `${k} 应为非空字符串列表`, `\`${k}\` must be a list of non-empty strings`);
  }
}
