import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';
import { sql } from 'kysely';
import type { FormStorageInfo } from '../catalog.js';
import { fail, type CompileContext } from '../compile/context.js';
import { compileExpr } from '../compile/expr.js';
import { compileRollup } from '../compile/rollup.js';
import type { ValueType } from '../model.js';
import { col, ident, safeName, NAME } from '../sql/ident.js';
import { and, type Sql } from '../sql/kysely.js';
import { bi, both, joinBi, type Bilingual } from '../text.js';
import type { DatasetColumn, ValueFormat } from '../types.js';
import { jsonCastOf, SYSTEM_FIELDS, valueTypeOfField } from './field-info.js';

/** Single-relation hops a path may take (`customer.referrer.name` = 2). */
export const MAX_HOPS = 3;

/** A field path resolved to an SQL expression over the scope's tables. @internal */
export interface Resolved {
  readonly path: string;
  readonly sql: Sql;
  readonly valueType: ValueType;
  /** Form field type, `id`/`user` for system fields, `expr`/`rollup` for computed columns. */
  readonly fieldType: string;
  readonly field?: FieldDefinition;
  /** Form holding the terminal field (for a relation: its source form). */
  readonly form: string;
  /** relation: target form key. */
  readonly target?: string;
  /** Can be grouped and compared as a scalar. */
  readonly groupable: boolean;
  /** many-relation: its join table and the source row id. */
  readonly many?: { readonly joinTable: string; readonly src: Sql };
  /** multi-select (`text[]`). */
  readonly multi?: boolean;
  /** Reads the unnested sub-table line. */
  readonly usesLine: boolean;
  readonly format?: ValueFormat;
  readonly label: Bilingual;
}

interface Join {
  readonly alias: string;
  readonly clause: Sql;
}

/** @internal */
export interface ScopeOptions {
  readonly form: string;
  /** Alias of the base table (`t`; rollup subqueries `r1`, …). */
  readonly alias: string;
  /** Prefix of join aliases (`j` → j1, j2…; rollups `r1j`). */
  readonly joinPrefix: string;
  readonly unnest?: string;
  readonly columns?: readonly DatasetColumn[];
  /** JSON pointer of `columns` in the definition (for errors). */
  readonly columnsAt?: string;
  /** Restricts rollup subqueries to the keys of the rows that matter (a tree's subtree, a filtered dataset's rows); `match` is the rollup's match field, if any. */
  readonly rollupKeys?: (viaColumn: Sql, match?: string) => Sql | undefined;
}

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Resolves field paths of one dataset through the form definitions and the storage catalog
 * (the identifier allow-list), collecting the joins they need: one LEFT JOIN per relation hop
 * path (deduplicated), one lateral unnest, one LEFT JOIN per rollup column. @internal
 */
export class Scope {
  readonly ctx: CompileContext;
  readonly opts: ScopeOptions;
  readonly formDef: FormDefinition;
  readonly storage: FormStorageInfo;
  private readonly joins = new Map<string, Join & { readonly targetAlias: string }>();
  private readonly rollups = new Map<string, Join & { readonly value: Sql; readonly valueType: ValueType }>();
  private readonly exprs = new Map<string, Resolved>();
  private readonly resolving: string[] = [];
  private unnestSql?: Sql;
  /** A relation hop starts from a sub-table line (its join needs the lateral unnest). */
  hasLineJoin = false;

  constructor(ctx: CompileContext, opts: ScopeOptions, at: string) {
    this.ctx = ctx;
    this.opts = opts;
    this.formDef = this.form(opts.form, at);
    this.storage = this.storageOf(opts.form, at);
  }

  /** The form definition by key (REPORT_FORM_UNKNOWN otherwise). */
  form(key: string, at: string): FormDefinition {
    const f = Object.prototype.hasOwnProperty.call(this.ctx.catalog.forms, key) ? this.ctx.catalog.forms[key] : undefined;
    if (!f) fail(this.ctx, 'REPORT_FORM_UNKNOWN', at, bi(`表单 "${key}" 不存在或未发布`, `Unknown or unpublished form "${key}"`), { form: key });
    return f;
  }

  storageOf(key: string, at: string): FormStorageInfo {
    const s = Object.prototype.hasOwnProperty.call(this.ctx.catalog.storage, key) ? this.ctx.catalog.storage[key] : undefined;
    if (!s) fail(this.ctx, 'REPORT_FORM_UNKNOWN', at, bi(`表单 "${key}" 未发布`, `Form "${key}" is not published`), { form: key });
    return s;
  }

  /** `"rec_1_2"` of a form. */
  table(key: string, at: string): Sql {
    return ident(this.storageOf(key, at).table);
  }

  /** The row filter for a table alias of a form, if any. */
  rowFilter(form: string, tableAlias: string): Sql | undefined {
    return this.ctx.rowFilter?.(form, tableAlias) as Sql | undefined;
  }

  /** Whether the viewer may see field `key` of `form` (no field filter: every field). */
  readable(form: string, key: string): boolean {
    return this.ctx.fieldFilter ? this.ctx.fieldFilter(form, key) : true;
  }

  /** REPORT_FIELD_HIDDEN unless the viewer may see field `key` of `form`. */
  requireReadable(form: string, key: string, path: string, at: string): void {
    if (this.readable(form, key)) return;
    fail(this.ctx, 'REPORT_FIELD_HIDDEN', at, bi(`报表读取了字段 "${form}.${key}"（${path}），您的角色看不到它`, `The report reads field "${form}.${key}" (${path}), which your roles hide`), { form, field: key, path });
  }

  /** Resolves a path (`status`, `customer.referrer.name`, `lines.sku`, `$margin`, `createdAt`). */
  resolve(path: unknown, at: string): Resolved {
    if (typeof path !== 'string' || path === '') this.unknown(String(path), at);
    if (path.startsWith('$')) return this.column(path.slice(1), path, at);
    const segs = path.split('.');
    if (!segs.every((s) => SEGMENT.test(s))) this.unknown(path, at);
    if (this.opts.unnest !== undefined && segs[0] === this.opts.unnest) return this.lineField(segs, path, at);
    return this.walkFrom(this.opts.form, this.opts.alias, segs, '', path, [], 0, at);
  }

  private terminal(path: string, field: FieldDefinition, form: string, tableAlias: string, column: string, joinTable: string | undefined, label: Bilingual, at: string): Resolved {
    const valueType = valueTypeOfField(field);
    if (valueType === undefined) this.unsupported(path, at, bi(`子表 "${field.key}" 需通过 dataset.unnest 逐行读取`, `Sub-table "${field.key}" is read line by line through dataset.unnest`));
    const base = { path, valueType, fieldType: field.type, field, form, usesLine: false, label };
    if (field.type === 'relation' && field.many) {
      if (!joinTable) this.unknown(path, at);
      return { ...base, sql: col(tableAlias, 'id'), target: field.target, groupable: false, many: { joinTable: safeName(joinTable), src: col(tableAlias, 'id') } };
    }
    const target = field.type === 'relation' ? field.target : undefined;
    return { ...base, sql: col(tableAlias, column), groupable: field.type !== 'multiselect', ...(target ? { target } : {}), ...(field.type === 'multiselect' ? { multi: true } : {}) };
  }

  /** `lines.sku` on an unnested dataset: `l.v->>'sku'`, typed; `lines.product.name` hops from the line. */
  private lineField(segs: string[], path: string, at: string): Resolved {
    const sub = this.formDef.fields.find((f) => f.key === this.opts.unnest);
    if (!sub || sub.type !== 'subtable' || segs.length < 2) this.unknown(path, at);
    const field = sub.fields.find((f) => f.key === segs[1]);
    if (!field || !NAME.test(field.key)) this.unknown(path, at);
    this.requireReadable(this.opts.form, sub.key, path, at);
    const cast = jsonCastOf(field);
    const valueType = valueTypeOfField(field);
    if (!cast || !valueType) this.unsupported(path, at, bi(`子表字段 "${field.key}" 不能用于报表`, `Sub-table field "${field.key}" cannot be used in a report`));
    const text = sql`(${sql.raw('l.v')}->>${sql.lit(field.key)})`;
    const expr = cast === 'text' ? text : sql`(${text})::${sql.raw(cast)}`;
    const label = joinBi([both(sub.label), both(field.label)], ' › ');
    if (segs.length === 2) {
      this.useUnnest(at);
      const target = field.type === 'relation' ? field.target : undefined;
      return { path, sql: expr, valueType, fieldType: field.type, field, form: this.opts.form, groupable: true, usesLine: true, label, ...(target ? { target } : {}) };
    }
    if (field.type !== 'relation' || field.many) this.unsupported(path, at, bi(`"${field.key}" 不是关联字段，不能继续访问`, `"${field.key}" is not a relation: the path cannot go through it`));
    this.useUnnest(at);
    this.hasLineJoin = true;
    const hopAlias = this.join(`${segs[0]}.${segs[1]}`, field.target, expr, at);
    // Resolve the rest from the target form with a nested scope-free walk.
    const rest = this.walkFrom(field.target, hopAlias, segs.slice(2), `${segs[0]}.${segs[1]}`, path, [label], 1, at);
    return { ...rest, usesLine: true };
  }

  private walkFrom(form: string, tableAlias: string, segs: string[], hopPrefix: string, path: string, labels: Bilingual[], hops: number, at: string): Resolved {
    let hop = hopPrefix;
    for (let i = 0; i < segs.length; i++) {
      const key = segs[i]!;
      const last = i === segs.length - 1;
      const def = this.form(form, at);
      this.requireReadable(form, key, path, at);
      if (last && Object.prototype.hasOwnProperty.call(SYSTEM_FIELDS, key) && !def.fields.some((f) => f.key === key)) {
        const s = SYSTEM_FIELDS[key]!;
        return { path, sql: col(tableAlias, s.column), valueType: s.valueType, fieldType: s.type, form, groupable: true, usesLine: false, label: joinBi([...labels, s.label], ' › ') };
      }
      const field = def.fields.find((f) => f.key === key);
      const storage = field ? this.storageOf(form, at).columns[field.id] : undefined;
      if (!field || !storage || storage.retired) this.unknown(path, at);
      labels = [...labels, both(field.label)];
      if (last) return this.terminal(path, field, form, tableAlias, storage.column, storage.joinTable, joinBi(labels, ' › '), at);
      if (field.type !== 'relation') this.unsupported(path, at, bi(`"${key}" 不是关联字段，不能继续访问`, `"${key}" is not a relation: the path cannot go through it`));
      if (field.many) this.unsupported(path, at, bi(`不能经由多选关联 "${key}" 访问`, `A path cannot go through the many-relation "${key}"`));
      if (hops + 1 > MAX_HOPS) this.unsupported(path, at, bi(`最多经过 ${MAX_HOPS} 层关联`, `A path takes at most ${MAX_HOPS} relation hops`));
      hop = hop ? `${hop}.${key}` : key;
      tableAlias = this.join(hop, field.target, col(tableAlias, storage.column), at);
      form = field.target;
      hops++;
    }
    return this.unknown(path, at);
  }

  /** LEFT JOIN of a relation hop (deduplicated by hop path); the row filter goes into ON so rows are kept. */
  private join(hop: string, target: string, source: Sql, at: string): string {
    const existing = this.joins.get(hop);
    if (existing) return existing.targetAlias;
    const a = `${this.opts.joinPrefix}${this.joins.size + 1}`;
    const rf = this.rowFilter(target, a);
    const on = and([sql`${sql.raw(a)}.id = ${source}`, ...(rf ? [rf] : [])]);
    this.joins.set(hop, { alias: a, targetAlias: a, clause: sql`left join ${this.table(target, at)} as ${sql.raw(a)} on ${on}` });
    return a;
  }

  private useUnnest(at: string): void {
    if (this.unnestSql) return;
    const sub = this.formDef.fields.find((f) => f.key === this.opts.unnest);
    const storage = sub ? this.storage.columns[sub.id] : undefined;
    if (!sub || !storage || storage.retired) this.unknown(this.opts.unnest ?? '', at);
    this.unnestSql = sql`cross join lateral jsonb_array_elements(${col(this.opts.alias, storage.column)}) as l(v)`;
  }

  /** A computed column `$id`: an expression inlined, or a rollup joined. */
  private column(id: string, path: string, at: string): Resolved {
    const cached = this.exprs.get(id);
    if (cached) return cached;
    const idx = (this.opts.columns ?? []).findIndex((c) => c?.id === id);
    const c = this.opts.columns?.[idx];
    if (!c) this.unknown(path, at);
    const cAt = `${this.opts.columnsAt ?? '/dataset/columns'}/${idx}`;
    if (this.resolving.includes(id)) {
      fail(this.ctx, 'REPORT_EXPR_INVALID', cAt, bi(`计算列循环引用：${[...this.resolving, id].join(' → ')}`, `Computed columns refer to each other in a cycle: ${[...this.resolving, id].join(' → ')}`));
    }
    this.resolving.push(id);
    try {
      let r: Resolved;
      if (c.kind === 'expr') {
        const e = compileExpr(this, c.expr, `${cAt}/expr`);
        const valueType = c.format === 'money' ? 'money' : e.valueType;
        r = { path, sql: e.sql, valueType, fieldType: 'expr', form: this.opts.form, groupable: true, usesLine: e.usesLine, label: both(c.label), ...(c.format ? { format: c.format } : {}) };
      } else if (c.kind === 'rollup') {
        const existing = this.rollups.get(id);
        const built = existing ?? this.addRollup(id, c, cAt);
        r = { path, sql: built.value, valueType: built.valueType, fieldType: 'rollup', form: this.opts.form, groupable: true, usesLine: false, label: both(c.label), ...(c.format ? { format: c.format } : {}) };
      } else {
        fail(this.ctx, 'REPORT_DEFINITION_INVALID', `${cAt}/kind`, bi('计算列 kind 应为 expr 或 rollup', 'A computed column kind is expr or rollup'));
      }
      this.exprs.set(id, r);
      return r;
    } finally {
      this.resolving.pop();
    }
  }

  private addRollup(id: string, c: Extract<DatasetColumn, { kind: 'rollup' }>, at: string): { value: Sql; valueType: ValueType } {
    const a = `ru${this.rollups.size + 1}`;
    const built = compileRollup(this, c, a, `r${this.rollups.size + 1}`, at);
    this.rollups.set(id, { alias: a, clause: built.clause, value: built.value, valueType: built.valueType });
    return built;
  }

  /** `from <table> as t [cross join lateral …] [left join …]*`. */
  fromClause(at: string): Sql {
    const parts: Sql[] = [sql`from ${this.table(this.opts.form, at)} as ${sql.raw(this.opts.alias)}`];
    if (this.unnestSql) parts.push(this.unnestSql);
    for (const j of this.joins.values()) parts.push(j.clause);
    for (const r of this.rollups.values()) parts.push(r.clause);
    return sql.join(parts, sql`\n`);
  }

  /** The relation and rollup joins alone (for queries with their own FROM, e.g. trees). */
  joinClauses(): Sql[] {
    return [...[...this.joins.values()].map((j) => j.clause), ...[...this.rollups.values()].map((r) => r.clause)];
  }

  /** Joins that don't read the line (for records queries that move line conditions into EXISTS). */
  get usesUnnest(): boolean {
    return this.unnestSql !== undefined;
  }

  /** The unnest source for an EXISTS (`jsonb_array_elements(t.col) as l(v)`). */
  unnestSource(at: string): Sql {
    const sub = this.formDef.fields.find((f) => f.key === this.opts.unnest);
    const storage = sub ? this.storage.columns[sub.id] : undefined;
    if (!sub || !storage) this.unknown(this.opts.unnest ?? '', at);
    return sql`jsonb_array_elements(${col(this.opts.alias, storage.column)}) as l(v)`;
  }

  /** Same scope without the lateral unnest in FROM (records queries put it into EXISTS). */
  fromClauseWithoutUnnest(at: string): Sql {
    const parts: Sql[] = [sql`from ${this.table(this.opts.form, at)} as ${sql.raw(this.opts.alias)}`];
    for (const j of this.joins.values()) parts.push(j.clause);
    for (const r of this.rollups.values()) parts.push(r.clause);
    return sql.join(parts, sql`\n`);
  }

  unknown(path: string, at: string): never {
    return fail(this.ctx, 'REPORT_FIELD_UNKNOWN', at, bi(`字段路径 "${path}" 无法解析`, `Unknown field path "${path}"`), { field: path });
  }

  unsupported(path: string, at: string, why: Bilingual): never {
    return fail(this.ctx, 'REPORT_FIELD_UNSUPPORTED', at, why, { field: path });
  }
}
