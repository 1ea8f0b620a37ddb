import { sql } from 'kysely';
import { addDays, addMonths, dayStart, isDay, isoWeekday } from '../params/time-zone.js';
import type { Scope } from '../paths/scope.js';
import { bi } from '../text.js';
import type { TimeBucket } from '../types.js';
import { fail } from './context.js';
import { checkDimension } from './dimensions.js';
import type { Condition } from './filters.js';
import type { Pin } from './plan.js';
import { fitValue } from './values.js';

/** The key the "others" row of a topN carries in its first dimension; it cannot be drilled. */
export const OTHERS_KEY = '__others__';

/** The day after a bucket that starts on `day`, or undefined when `day` is not a bucket start. */
function bucketEnd(day: string, bucket: TimeBucket): string | undefined {
  const d = +day.slice(8, 10);
  const m = +day.slice(5, 7);
  switch (bucket) {
    case 'day':
      return addDays(day, 1);
    case 'week':
      return isoWeekday(day) === 1 ? addDays(day, 7) : undefined;
    case 'month':
      return d === 1 ? addMonths(day, 1) : undefined;
    case 'quarter':
      return d === 1 && (m - 1) % 3 === 0 ? addMonths(day, 3) : undefined;
    case 'year':
      return d === 1 && m === 1 ? addMonths(day, 12) : undefined;
  }
}

/**
 * A drill step → a WHERE condition fixing the dimension to the clicked value, as a sargable
 * range on the raw column where the dimension groups (a bucket's days, a region prefix).
 * @internal
 */
export function pinCondition(scope: Scope, pin: Pin): Condition {
  const ctx = scope.ctx;
  const { r, bucket, level } = checkDimension(scope, pin.dim, `/dimensions/${pin.index}`);
  const at = `${pin.at}/value`;
  const bad = (why = bi(`维度 "${pin.dim.id}" 的值无效`, `Invalid value for dimension "${pin.dim.id}"`)): never => fail(ctx, 'REPORT_DRILL_INVALID', at, why, { dimension: pin.dim.id });
  const v = pin.value;
  const done = (s: ReturnType<typeof sql>) => ({ sql: s, usesLine: r.usesLine });
  if (v === OTHERS_KEY) return bad(bi('“其他”不能下钻', 'The "others" row cannot be drilled'));
  if (v === null) return done(sql`${r.sql} is null`);
  if (bucket) {
    if (!isDay(v)) return bad(bi('时间维度的值应为 YYYY-MM-DD', 'A time dimension value is YYYY-MM-DD'));
    const end = bucketEnd(v, bucket);
    if (!end) return bad(bi(`"${v}" 不是一个${bucket}的起始日`, `"${v}" does not start a ${bucket}`));
    const [from, to] = r.valueType === 'date' ? [v, end] : [dayStart(v, ctx.timeZone), dayStart(end, ctx.timeZone)];
    return done(sql`${r.sql} >= ${from} and ${r.sql} < ${to}`);
  }
  if (level && level !== 'district') {
    const digits = level === 'province' ? 2 : 4;
    if (typeof v !== 'string' || !/^\d{6}$/.test(v) || !v.endsWith('0'.repeat(6 - digits))) return bad(bi('地区维度的值应为该级别的 6 位代码', 'A region value is a 6-digit code of the level'));
    const prefix = v.slice(0, digits);
    const next = String(+prefix + 1).padStart(digits, '0');
    if (next.length > digits) return done(sql`${r.sql} >= ${v}`);
    return done(sql`${r.sql} >= ${v} and ${r.sql} < ${next + '0'.repeat(6 - digits)}`);
  }
  let value: unknown = v;
  if ((r.valueType === 'relation' || r.valueType === 'number' || r.valueType === 'money') && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) value = Number(v);
  if (r.valueType === 'boolean' && (v === 'true' || v === 'false')) value = v === 'true';
  const fit = fitValue(r, value, ctx.timeZone, true);
  if (fit === undefined) return bad();
  return done(sql`${r.sql} = ${fit}`);
}
