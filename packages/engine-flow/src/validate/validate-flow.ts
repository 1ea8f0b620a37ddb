import { INSTANCE_STATUSES, type FlowProblem } from '../types.js';
import { checkApproval } from './check-approval.js';
import { checkCalendar } from './check-calendar.js';
import { checkJoins } from './check-joins.js';
import { checkNode } from './check-nodes.js';
import { buildGraph, checkGraph } from './graph-checks.js';
import { isObject, Problems, type ValidateOptions } from './problems.js';
import { checkShape } from './shape.js';

/**
 * Checks a flow definition before it is published and returns its problems (none: valid), each
 * with a stable code, a message in `opts.locale` (default zh-CN), and the node or edge (and the
 * JSON pointer into its `data`) it concerns, so the studio can highlight it. Checks that need
 * the app (forms, flows, connectors, expressions) run only when `opts` provides it.
 *
 * @example validateFlow(def, { forms, flows: ['refund'], checkExpression, locale: 'en' }) // []
 */
export function validateFlow(def: unknown, opts: ValidateOptions = {}): FlowProblem[] {
  const p = new Problems(opts);
  const shaped = checkShape(def, p);
  if (!shaped) return p.list;
  const d = shaped.def;
  if (opts.forms && typeof d.form === 'string' && d.form !== '' && !opts.forms[d.form]) {
    p.add('FLOW_INVALID', `表单 “${d.form}” 不存在`, `No form "${d.form}"`, { path: '/form' });
  }
  if (d.calendar !== undefined) checkCalendar(d.calendar, p);
  if (d.results !== undefined) checkResults(d.results, d.form, p);
  const g = buildGraph(shaped);
  checkGraph(g, p);
  for (const node of g.nodes.values()) {
    if (node.type === 'approval') checkApproval(d, node, g, p);
    else checkNode(d, node, g, p);
  }
  checkJoins(g, p);
  return p.list;
}

function checkResults(results: unknown, form: string, p: Problems): void {
  if (!isObject(results)) return p.add('FLOW_INVALID', 'results 应为对象', '`results` must be an object', { path: '/results' });
  for (const [result, values] of Object.entries(results)) {
    if (result === 'running' || !(INSTANCE_STATUSES as readonly string[]).includes(result)) {
      p.add('FLOW_INVALID', `结果 “${result}” 无效，可选：${INSTANCE_STATUSES.slice(1).join('、')}`, `Unknown result "${result}"; use one of: ${INSTANCE_STATUSES.slice(1).join(', ')}`, { path: `/results/${result}` });
      continue;
    }
    if (!isObject(values)) {
      p.add('FLOW_INVALID', `results.${result} 应为对象（字段 → 值）`, `results.${result} must be an object (field → value)`, { path: `/results/${result}` });
      continue;
    }
    if (!p.knowsForm(form)) continue;
    for (const k of Object.keys(values)) {
      if (!p.field(form, k)) p.add('FLOW_INVALID', `字段 “${k}” 不存在于表单 ${form}`, `Field "${k}" does not exist in form ${form}`, { path: `/results/${result}/${k}` });
    }
  }
}
