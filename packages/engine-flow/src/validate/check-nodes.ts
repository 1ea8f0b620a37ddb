import { INSTANCE_STATUSES, type FlowDefinition, type FlowNode } from '../types.js';
import { parseDuration } from '../time/duration.js';
import { checkAssignees } from './check-approval.js';
import type { Graph } from './graph-checks.js';
import { isName, isObject, type Problems } from './problems.js';

/** Checks of condition, action, notify, timer, subflow and end nodes. @internal */
export function checkNode(def: FlowDefinition, node: FlowNode, g: Graph, p: Problems): void {
  const d = node.data as unknown as Record<string, unknown>;
  const bad = (path: string, zh: string, en: string) => p.add('FLOW_NODE_INVALID', zh, en, { nodeId: node.id, path });
  switch (node.type) {
    case 'condition':
      return checkCondition(node.id, d, g, p);
    case 'action':
      return checkAction(def, node.id, d, p);
    case 'notify':
      checkAssignees(def, node.id, d.to, p, '/data/to', true);
      if (!isName(d.title) && !(isObject(d.title) && (isName(d.title['zh-CN']) || isName(d.title.en)))) bad('/data/title', '通知需要标题', 'A notification needs a title');
      return;
    case 'timer': {
      const has = [d.duration !== undefined, d.until !== undefined].filter(Boolean).length;
      if (has !== 1) return bad('/data', '定时节点需要 duration 与 until 中的恰好一项', 'A timer needs exactly one of `duration` and `until`');
      if (d.duration !== undefined && (typeof d.duration !== 'string' || !parseDuration(d.duration))) bad('/data/duration', `时长 “${String(d.duration)}” 无效，例如 PT2H、P1D`, `Invalid duration "${String(d.duration)}", e.g. PT2H or P1D`);
      if (d.until !== undefined) p.expr('FLOW_NODE_INVALID', d.until, node.id, '/data/until');
      return;
    }
    case 'subflow':
      if (!isName(d.flow)) return bad('/data/flow', '子流程不能为空', 'The sub-flow is empty');
      if (d.flow === def.key) bad('/data/flow', '子流程不能是流程自身', 'A flow cannot start itself as a sub-flow');
      else if (p.opts.flows && !p.opts.flows.includes(d.flow)) bad('/data/flow', `流程 “${d.flow}” 不存在`, `No flow "${d.flow}"`);
      if (d.wait !== undefined && typeof d.wait !== 'boolean') bad('/data/wait', 'wait 应为布尔值', '`wait` must be true or false');
      return;
    case 'end':
      if (d.result !== undefined && !(INSTANCE_STATUSES as readonly unknown[]).includes(d.result) || d.result === 'running') {
        bad('/data/result', `结果 “${String(d.result)}” 无效`, `Invalid result "${String(d.result)}"`);
      }
      return;
    default:
      return;
  }
}

function checkCondition(nodeId: string, d: Record<string, unknown>, g: Graph, p: Problems): void {
  const bad = (zh: string, en: string, where: { path?: string; edgeId?: string } = {}) => p.add('FLOW_CONDITION_INVALID', zh, en, { nodeId, ...where });
  const branches = Array.isArray(d.branches) ? d.branches : [];
  if (branches.length === 0) bad('条件节点至少需要一个分支', 'A condition needs at least one branch', { path: '/data/branches' });
  const ids = new Set<string>();
  branches.forEach((b: unknown, i) => {
    const path = `/data/branches/${i}`;
    if (!isObject(b) || !isName(b.id) || b.id === 'default') return bad('分支需要唯一的 ID（不能是 default）', 'A branch needs an id (not "default")', { path: `${path}/id` });
    if (ids.has(b.id)) return bad(`分支 ID “${b.id}” 重复`, `Duplicate branch id "${b.id}"`, { path: `${path}/id` });
    ids.add(b.id);
    p.expr('FLOW_CONDITION_INVALID', b.when, nodeId, `${path}/when`);
    const n = g.out.get(nodeId)!.filter((e) => e.sourceHandle === b.id).length;
    if (n !== 1) bad(`分支 “${b.id}” 需要恰好一条出线（现有 ${n} 条）`, `Branch "${b.id}" needs exactly one outgoing edge (has ${n})`, { path });
  });
  const out = g.out.get(nodeId)!;
  const defaults = out.filter((e) => e.sourceHandle === 'default');
  if (defaults.length > 1) bad('条件节点最多一条默认出线', 'A condition has at most one default edge', { edgeId: defaults[1]!.id });
  for (const e of out) {
    if (e.sourceHandle !== 'default' && !ids.has(e.sourceHandle ?? '')) {
      bad(`出线 ${e.id} 不属于任何分支（sourceHandle “${e.sourceHandle ?? ''}”）`, `Edge ${e.id} belongs to no branch (sourceHandle "${e.sourceHandle ?? ''}")`, { edgeId: e.id });
    }
  }
}

function checkAction(def: FlowDefinition, nodeId: string, d: Record<string, unknown>, p: Problems): void {
  const bad = (path: string, zh: string, en: string) => p.add('FLOW_NODE_INVALID', zh, en, { nodeId, path });
  const values = (form: string | undefined) => {
    if (!isObject(d.values)) return bad('/data/values', 'values 应为对象（字段 → 表达式）', '`values` must be an object (field → expression)');
    for (const [k, v] of Object.entries(d.values)) {
      if (p.knowsForm(form) && !p.field(form, k)) bad(`/data/values/${k}`, `字段 “${k}” 不存在于表单 ${form}`, `Field "${k}" does not exist in form ${form}`);
      p.expr('FLOW_NODE_INVALID', v, nodeId, `/data/values/${k}`);
    }
  };
  switch (d.action) {
    case 'update':
      return values(def.form);
    case 'create':
      if (!isName(d.form)) return bad('/data/form', '请选择要新建记录的表单', 'Choose the form to create a record in');
      if (p.opts.forms && !p.opts.forms[d.form]) return bad('/data/form', `表单 “${d.form}” 不存在`, `No form "${d.form}"`);
      return values(d.form);
    case 'rule':
      return;
    case 'connector':
      if (!isName(d.connector)) bad('/data/connector', '请选择连接器', 'Choose a connector');
      else if (p.opts.connectors && !p.opts.connectors.includes(d.connector)) bad('/data/connector', `连接器 “${d.connector}” 不存在`, `No connector "${d.connector}"`);
      if (!isName(d.operation)) bad('/data/operation', '请填写连接器操作', 'Name the connector operation');
      if (d.payload !== undefined) p.expr('FLOW_NODE_INVALID', d.payload, nodeId, '/data/payload');
      return;
    default:
      bad('/data/action', `动作 “${String(d.action)}” 无效，可选：update、create、rule、connector`, `Unknown action "${String(d.action)}"; use update, create, rule or connector`);
  }
}
