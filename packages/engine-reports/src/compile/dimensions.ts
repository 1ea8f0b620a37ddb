import type { SelectOption } from '@kiln/engine-forms';
import { sql } from 'kysely';
import type { ValueType } from '../model.js';
import type { Resolved, Scope } from '../paths/scope.js';
import { col } from '../sql/ident.js';
import type { Sql } from '../sql/kysely.js';
import { bi, both, type Bilingual } from '../text.js';
import { REGION_LEVELS, TIME_BUCKETS, type Dimension, type RegionLevelName, type TimeBucket } from '../types.js';
import { fail } from './context.js';

/** What buildResult needs to label a dimension's values (plain data). @internal */
export interface DimensionMeta {
  readonly id: string;
  readonly valueType: ValueType;
  readonly label: Bilingual;
  readonly bucket?: TimeBucket;
  readonly level?: RegionLevelName;
  readonly options?: readonly SelectOption[];
  /** relation dimensions: the SQL selects the target's display value under this key. */
  readonly sqlLabel?: boolean;
  /** Key of the label column, when values get one. */
  readonly labelKey?: string;
}

/** A dimension compiled: its group key inside, its formatting outside, its label join. @internal */
export interface DimensionSql {
  readonly meta: DimensionMeta;
  readonly resolved: Resolved;
  /** The group key over the dataset's tables. */
  readonly inner: Sql;
  /** The result value over the grouped row alias `g`. */
  readonly outer: (g: string) => Sql;
  /** relation: the outer LEFT JOIN naming the values, and the label expression. */
  readonly labelJoin?: (g: string, joinAlias: string) => { clause: Sql; label: Sql };
}

const BUCKET_LABEL: Record<TimeBucket, Bilingual> = {
  day: bi('日', 'day'), week: bi('周', 'week'), month: bi('月', 'month'), quarter: bi('季度', 'quarter'), year: bi('年', 'year'),
};
const LEVEL_LABEL: Record<RegionLevelName, Bilingual> = { province: bi('省', 'province'), city: bi('市', 'city'), district: bi('区县', 'district') };

/** `label（月）` / `label (month)` */
const suffixed = (l: Bilingual, s: Bilingual): Bilingual => ({ 'zh-CN': `${l['zh-CN']}（${s['zh-CN']}）`, en: `${l.en} (${s.en})` });

/** A date/datetime group key: the bucket start (local time in the report's zone). @internal */
export function bucketKey(r: Resolved, bucket: TimeBucket, tz: string): Sql {
  const unit = sql.lit(bucket);
  if (r.valueType === 'date') return bucket === 'day' ? r.sql : sql`date_trunc(${unit}, (${r.sql})::timestamp)`;
  return sql`date_trunc(${unit}, ${r.sql} at time zone ${tz})`;
}

/** A region group key at a level: `left(code, 2) || '0000'` (province), `left(code, 4) || '00'` (city). @internal */
export function regionKey(r: Resolved, level: RegionLevelName): Sql {
  if (level === 'province') return sql`left(${r.sql}, 2) || '0000'`;
  if (level === 'city') return sql`left(${r.sql}, 4) || '00'`;
  return r.sql;
}

/** Checks a dimension's field and options; returns the resolved field and bucket/level in force. @internal */
export function checkDimension(scope: Scope, d: Dimension, at: string): { r: Resolved; bucket?: TimeBucket; level?: RegionLevelName } {
  const ctx = scope.ctx;
  const r = scope.resolve(d.field, `${at}/field`);
  const bad = (path: string, zh: string, en: string): never => fail(ctx, 'REPORT_DIMENSION_INVALID', path, bi(zh, en), { dimension: d.id });
  if (!r.groupable) return bad(`${at}/field`, `"${r.path}" 不能作为维度`, `"${r.path}" cannot be a dimension`);
  if (d.bucket !== undefined && !(TIME_BUCKETS as readonly string[]).includes(d.bucket)) return bad(`${at}/bucket`, `未知时间粒度 "${String(d.bucket)}"`, `Unknown bucket "${String(d.bucket)}"`);
  if (d.level !== undefined && !(REGION_LEVELS as readonly string[]).includes(d.level)) return bad(`${at}/level`, `未知地区级别 "${String(d.level)}"`, `Unknown level "${String(d.level)}"`);
  const isTime = r.valueType === 'date' || r.valueType === 'datetime';
  if (d.bucket !== undefined && !isTime) return bad(`${at}/bucket`, `时间粒度只用于日期字段，"${r.path}" 不是`, `bucket applies to date fields; "${r.path}" is not one`);
  if (d.level !== undefined && r.valueType !== 'region') return bad(`${at}/level`, `地区级别只用于地区字段，"${r.path}" 不是`, `level applies to region fields; "${r.path}" is not one`);
  // Date/time dimensions are always bucketed (day by default): grouping by instants is meaningless.
  const bucket = isTime ? (d.bucket ?? 'day') : undefined;
  return { r, ...(bucket ? { bucket } : {}), ...(d.level ? { level: d.level } : {}) };
}

/** Compiles a dimension. @internal */
export function compileDimension(scope: Scope, d: Dimension, at: string): DimensionSql {
  const { r, bucket, level } = checkDimension(scope, d, at);
  const tz = scope.ctx.timeZone;
  let label = d.label !== undefined ? both(d.label) : r.label;
  if (d.label === undefined && bucket) label = suffixed(label, BUCKET_LABEL[bucket]);
  if (d.label === undefined && level) label = suffixed(label, LEVEL_LABEL[level]);
  const options = r.field && (r.field.type === 'select' || r.field.type === 'multiselect') ? r.field.options : undefined;
  const hasLabels = bucket !== undefined || r.valueType === 'region' || r.valueType === 'select' || r.valueType === 'boolean';
  const self = (g: string) => sql`${sql.raw(g)}.${sql.id(d.id)}`;
  let inner: Sql = r.sql;
  let outer: (g: string) => Sql = self;
  if (bucket) {
    inner = bucketKey(r, bucket, tz);
    outer = (g) => sql`to_char(${self(g)}, 'YYYY-MM-DD')`;
  } else if (level) {
    inner = regionKey(r, level);
  }
  let labelJoin: DimensionSql['labelJoin'];
  if (r.valueType === 'relation' && r.target) {
    const display = displayColumn(scope, r, at);
    if (display) {
      const target = r.target;
      labelJoin = (g, a) => {
        const rf = scope.rowFilter(target, a);
        const on = rf ? sql`${sql.raw(a)}.id = ${self(g)} and ${rf}` : sql`${sql.raw(a)}.id = ${self(g)}`;
        return { clause: sql`left join ${scope.table(target, at)} as ${sql.raw(a)} on ${on}`, label: col(a, display) };
      };
    }
  }
  const labelKey = hasLabels || labelJoin ? `${d.id}__label` : undefined;
  const meta: DimensionMeta = {
    id: d.id, valueType: r.valueType, label,
    ...(bucket ? { bucket } : {}), ...(level ? { level } : {}), ...(options ? { options } : {}),
    ...(labelJoin ? { sqlLabel: true } : {}), ...(labelKey ? { labelKey } : {}),
  };
  return { meta, resolved: r, inner, outer, ...(labelJoin ? { labelJoin } : {}) };
}

/**
 * The storage column naming a relation's target records: the relation field's `display` key,
 * else the target's first text-like field. @internal
 */
export function displayColumn(scope: Scope, r: Resolved, at: string): string | undefined {
  if (!r.target) return undefined;
  const def = scope.form(r.target, at);
  const storage = scope.storageOf(r.target, at);
  const usable = (key: string | undefined) => {
    const f = key === undefined ? undefined : def.fields.find((x) => x.key === key);
    const c = f && scope.readable(r.target!, f.key) ? storage.columns[f.id] : undefined;
    return f && c && !c.retired && !['subtable', 'multiselect'].includes(f.type) && !(f.type === 'relation' && f.many) ? c.column : undefined;
  };
  const display = r.field && r.field.type === 'relation' ? r.field.display : undefined;
  return usable(display) ?? usable(def.fields.find((f) => (f.type === 'text' || f.type === 'autonumber') && scope.readable(r.target!, f.key))?.key);
}
