import { LIMITS } from '../compile/prepare.js';
import type { Scope } from '../paths/scope.js';
import { bi } from '../text.js';
import type { Dimension, Param, ReportDefinition } from '../types.js';
import type { Problems } from './problems.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The most dimensions shown at once: those off the drill path, plus one path entry. */
function shownDimensions(d: ReportDefinition): Dimension[] {
  const path = new Set(Array.isArray(d.drill?.path) ? d.drill.path : []);
  const off = d.dimensions.filter((x) => !path.has(x.id));
  const on = d.dimensions.filter((x) => path.has(x.id));
  return [...(on.length ? [on[0]!] : []), ...off];
}

/** The most measures shown at once: unswitched visible ones plus the largest group switched on together. */
function shownMeasureCount(d: ReportDefinition): number {
  const shown = d.measures.filter((m) => m.hidden !== true);
  const plain = shown.filter((m) => !m.when).length;
  const groups = new Map<string, number>();
  for (const m of shown) if (m.when) groups.set(`${m.when.param}=${m.when.equals}`, (groups.get(`${m.when.param}=${m.when.equals}`) ?? 0) + 1);
  return plain + Math.max(0, ...groups.values());
}

/** What each visual needs (one measure for pie/kpi, dimensions for charts, pivot/tree settings). @internal */
export function checkVisual(d: ReportDefinition, scope: Scope, params: readonly Param[], p: Problems): void {
  const v = d.visual;
  const bad = (path: string, zh: string, en: string) => p.add('REPORT_VISUAL_INVALID', path, bi(zh, en));
  const dims = shownDimensions(d).length;
  const measures = shownMeasureCount(d);
  if (!measures && v.type !== 'tree') bad('/measures', '报表至少需要一个指标', 'A report needs a measure');
  switch (v.type) {
    case 'pie':
    case 'donut':
    case 'funnel':
      if (dims !== 1) bad('/dimensions', `${v.type} 需要恰好一个维度`, `${v.type} needs exactly one dimension`);
      if (measures > 1) bad('/measures', `${v.type} 只显示一个指标（其余设为 hidden 或用 when 切换）`, `${v.type} shows one measure (mark others hidden or switch them with when)`);
      break;
    case 'kpi':
      if (dims !== 0) bad('/dimensions', '指标卡不能有维度', 'A kpi has no dimensions');
      if (measures > 1) bad('/measures', '指标卡只显示一个指标（其余设为 hidden 或用 when 切换）', 'A kpi shows one measure (mark others hidden or switch them with when)');
      break;
    case 'bar':
    case 'stacked_bar':
    case 'line':
    case 'area':
      if (dims < 1 || dims > 2) bad('/dimensions', `${v.type} 需要一到两个维度`, `${v.type} needs one or two dimensions`);
      break;
    case 'pivot': {
      const pv = v.pivot;
      if (!isObj(pv) || !Array.isArray(pv.rows) || !Array.isArray(pv.columns)) {
        bad('/visual/pivot', '透视表需要 visual.pivot.rows 与 columns', 'A pivot needs visual.pivot.rows and columns');
        break;
      }
      const ids = new Set(d.dimensions.map((x) => x.id));
      const used = new Set<string>();
      (['rows', 'columns'] as const).forEach((side) =>
        pv[side].forEach((id, i) => {
          if (!ids.has(id)) bad(`/visual/pivot/${side}/${i}`, `"${String(id)}" 不是报表的维度`, `"${String(id)}" is not a dimension of the report`);
          else if (used.has(id)) bad(`/visual/pivot/${side}/${i}`, `"${id}" 重复出现`, `"${id}" is placed twice`);
          used.add(id);
        }),
      );
      if (!d.dimensions.length) bad('/dimensions', '透视表需要维度', 'A pivot needs dimensions');
      break;
    }
    case 'tree':
      checkTree(d, scope, params, p);
      break;
    default:
      break;
  }
  if (v.compare !== undefined) {
    const decl = params.find((x) => x.key === v.compare?.param);
    if (!decl || decl.type !== 'date_range') p.add('REPORT_PARAM_UNKNOWN', '/visual/compare/param', bi('compare.param 应为已声明的日期范围参数', 'compare.param names a declared date_range parameter'));
    if (v.type !== 'kpi') bad('/visual/compare', '只有指标卡支持同比/环比', 'Only a kpi compares with the previous period');
  }
}

function checkTree(d: ReportDefinition, scope: Scope, params: readonly Param[], p: Problems): void {
  const t = d.visual.tree;
  const bad = (path: string, zh: string, en: string) => p.add('REPORT_VISUAL_INVALID', path, bi(zh, en));
  if (!isObj(t)) return bad('/visual/tree', '树图需要 visual.tree', 'A tree needs visual.tree');
  const parent = scope.formDef.fields.find((f) => f.key === t.parent);
  if (!parent || parent.type !== 'relation' || parent.many || parent.target !== d.dataset.form) {
    bad('/visual/tree/parent', `tree.parent 应为表单 "${d.dataset.form}" 指向自身的单选关联`, `tree.parent must be a single relation of "${d.dataset.form}" to itself`);
  }
  p.run('/visual/tree/label', () => void scope.resolve(t.label, '/visual/tree/label'));
  const root = params.find((x) => x.key === t.root);
  if (!root || root.type !== 'relation') p.add('REPORT_PARAM_UNKNOWN', '/visual/tree/root', bi('tree.root 应为已声明的关联参数', 'tree.root names a declared relation parameter'));
  else if (root.form !== undefined && root.form !== d.dataset.form) bad('/visual/tree/root', `根参数应选择 "${d.dataset.form}" 的记录`, `The root parameter must pick "${d.dataset.form}" records`);
  if (t.depth !== undefined && (!Number.isInteger(t.depth) || t.depth < 1 || t.depth > LIMITS.treeDepth)) p.add('REPORT_LIMIT_EXCEEDED', '/visual/tree/depth', bi(`深度应为 1–${LIMITS.treeDepth}`, `depth is 1–${LIMITS.treeDepth}`));
  if (d.dimensions.length) bad('/dimensions', '树图不能有维度（层级来自关联）', 'A tree has no dimensions (levels come from the relation)');
  if (d.dataset.unnest !== undefined) bad('/dataset/unnest', '树图不能展开子表', 'A tree dataset cannot unnest');
}
