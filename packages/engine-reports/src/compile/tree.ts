import { sql } from 'kysely';
import type { CompileOptions } from '../catalog.js';
import { col } from '../sql/ident.js';
import { compileSql, list } from '../sql/kysely.js';
import type { Locale } from '@kiln/engine-forms';
import { bi, localized, type Bilingual } from '../text.js';
import type { ReportDefinition, ResultColumn } from '../types.js';
import type { CompiledReport } from './compile-report.js';
import { fail, type CompileContext } from './context.js';
import { allOf, compileFilters } from './filters.js';
import { datasetScope, derivedLayers, rowLimit } from './grouped-query.js';
import { compileMeasures, type MeasureMeta } from './measures.js';
import { planReport } from './plan.js';
import { LIMITS } from './prepare.js';

/** What buildResult needs to nest a tree. @internal */
export interface TreeMeta {
  readonly root: number;
  readonly depth: number;
  /** The label column's name (the `label` field's). */
  readonly label: Bilingual;
}

/** The columns of a tree result in a locale. @internal */
export function treeColumns(label: Bilingual, measures: readonly MeasureMeta[], loc: Locale): ResultColumn[] {
  return [
    { key: 'id', label: localized(bi('节点', 'Node'), loc), role: 'dimension', labelKey: 'label' },
    { key: 'label', label: localized(label, loc), role: 'label' },
    { key: 'parent', label: localized(bi('上级', 'Parent'), loc), role: 'dimension' },
    { key: 'depth', label: localized(bi('层级', 'Level'), loc), role: 'dimension' },
    ...measures.map((m) => ({ key: m.id, label: localized(m.label, loc), role: 'measure' as const, ...(m.format ? { format: m.format } : {}) })),
  ];
}

/** Columns every tree row has (besides the measures). */
export const TREE_COLUMNS = ['id', 'parent', 'depth', 'label'] as const;

/**
 * A tree report: a recursive CTE walks the self relation down from the root parameter's record
 * (depth ≤ visual.tree.depth), then one GROUP BY per node computes the measures — usually
 * rollup columns, whose subqueries are restricted to the subtree's ids. Rows: id, parent,
 * depth, label, measures; ordered by depth, id. @internal
 */
export function compileTree(def: ReportDefinition, ctx: CompileContext, opts: CompileOptions): CompiledReport {
  const tree = def.visual.tree;
  const bad = (path: string, zh: string, en: string): never => fail(ctx, 'REPORT_VISUAL_INVALID', path, bi(zh, en));
  if (!tree || typeof tree !== 'object') return bad('/visual/tree', '树图需要 visual.tree', 'A tree needs visual.tree');
  if (opts.drill?.length) fail(ctx, 'REPORT_DRILL_INVALID', '/drill', bi('树图不能下钻', 'A tree cannot be drilled'));
  const depth = tree.depth ?? LIMITS.defaultTreeDepth;
  if (!Number.isInteger(depth) || depth < 1 || depth > LIMITS.treeDepth) fail(ctx, 'REPORT_LIMIT_EXCEEDED', '/visual/tree/depth', bi(`深度应为 1–${LIMITS.treeDepth}`, `depth is 1–${LIMITS.treeDepth}`));
  const rootDecl = ctx.declared.find((p) => p.key === tree.root);
  if (!rootDecl || rootDecl.type !== 'relation') fail(ctx, 'REPORT_PARAM_UNKNOWN', '/visual/tree/root', bi('tree.root 应为已声明的关联参数', 'tree.root names a declared relation parameter'), { param: tree.root });
  const root = ctx.params[rootDecl.key];
  if (!root || root.type !== 'relation') fail(ctx, 'REPORT_PARAM_INVALID', `/params/${rootDecl.key}`, bi('树图需要根节点', 'A tree needs its root record'), { param: rootDecl.key });

  const scope = datasetScope(def, ctx, { rollupKeys: (via, match) => (match === undefined ? sql`${via} in (select id from tr)` : undefined) });
  const form = def.dataset.form;
  const parentField = scope.formDef.fields.find((f) => f.key === tree.parent);
  const parentCol = parentField ? scope.storage.columns[parentField.id] : undefined;
  if (!parentField || parentField.type !== 'relation' || parentField.many || parentField.target !== form || !parentCol || parentCol.retired) {
    return bad('/visual/tree/parent', `tree.parent 应为表单 "${form}" 指向自身的单选关联`, `tree.parent must be a single relation of "${form}" to itself`);
  }
  scope.requireReadable(form, parentField.key, tree.parent, '/visual/tree/parent');
  if (def.dataset.unnest !== undefined) return bad('/dataset/unnest', '树图不能展开子表', 'A tree dataset cannot unnest');
  const label = scope.resolve(tree.label, '/visual/tree/label');
  const plan = planReport(def, ctx, undefined);
  const measures = compileMeasures(scope, plan.measures, def.measures);
  const aggs = measures.filter((m) => m.depth === 0);
  const conds = compileFilters(scope, def.dataset.filters, '/dataset/filters');

  const table = scope.table(form, '/dataset/form');
  const rfRoot = scope.rowFilter(form, 't');
  const rfChild = scope.rowFilter(form, 'c');
  const seed = sql`select t.id, ${col('t', parentCol.column)}, 0 from ${table} as t where t.id = ${root.value}${rfRoot ? sql` and ${rfRoot}` : sql``}`;
  const step = sql`select c.id, ${col('c', parentCol.column)}, tr.depth + 1 from ${table} as c join tr on ${col('c', parentCol.column)} = tr.id where tr.depth < ${depth}${rfChild ? sql` and ${rfChild}` : sql``}`;
  const cte = sql`with recursive tr(id, parent, depth) as (\n${seed}\nunion all\n${step}\n)\n`;
  const cols = [sql`tr.id as "id"`, sql`tr.parent as "parent"`, sql`tr.depth as "depth"`, sql`${label.sql} as "label"`, ...aggs.map((m) => sql`${m.inner!} as ${sql.id(m.m.id)}`)];
  const joins = scope.joinClauses();
  const inner = sql`select ${list(cols)}\nfrom tr\njoin ${table} as t on t.id = tr.id${joins.length ? sql`\n${sql.join(joins, sql`\n`)}` : sql``}${conds.length ? sql`\nwhere ${allOf(conds)}` : sql``}\ngroup by 1, 2, 3, 4`;
  const src = derivedLayers(inner, measures, []);
  const visible = measures.filter((m) => m.meta.visible);
  const limit = rowLimit(def, ctx);
  const outer = sql`${cte}select g."id", g."parent", g."depth", g."label"${visible.length ? sql`, ${list(visible.map((m) => sql`g.${sql.id(m.m.id)}`))}` : sql``}\nfrom (${src}) as g\norder by g."depth", g."id"\nlimit ${limit + 1}`;

  const columns = treeColumns(label.label, visible.map((m) => m.meta), ctx.locale);
  return {
    main: compileSql(outer),
    columns,
    drill: { records: false },
    kind: 'tree',
    dimensions: [],
    measures: visible.map((m) => m.meta),
    limit,
    others: false,
    timeZone: ctx.timeZone,
    tree: { root: root.value, depth, label: label.label },
  };
}
