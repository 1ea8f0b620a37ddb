import { DERIVED, type Dimension, type Filter, type Measure, type Param } from '@kiln/engine-reports';
import { findField, isNumeric, type PaletteField } from './palette';

/** True for a derived measure (over other measures, not over a field). */
export const isDerived = (m: Pick<Measure, 'agg'>) => (DERIVED as readonly string[]).includes(m.agg);

/** True for the derived measures over a numerator and a denominator. */
export const isPair = (m: Pick<Measure, 'agg'>) => m.agg === 'ratio' || m.agg === 'difference';

/** After the field changed: a date field groups by month, a region by province; other grains go. */
export function fixDimension(d: Dimension, palette: readonly PaletteField[]): Dimension {
  const f = findField(palette, d.field);
  const { bucket, level, ...rest } = d;
  return {
    ...rest,
    ...(f?.canBucket ? { bucket: bucket ?? 'month' } : {}),
    ...(f?.canLevel ? { level: level ?? 'province' } : {}),
  };
}

/**
 * After the aggregate or field changed: derived measures lose the field and its filters, plain
 * ones the measure references; an aggregate the field does not allow falls back to sum / count.
 */
export function fixMeasure(m: Measure, palette: readonly PaletteField[], others: readonly Measure[]): Measure {
  if (isDerived(m)) {
    const { field: _f, filters: _fl, ...rest } = m;
    const ids = others.filter((o) => o.id !== m.id && !isDerived(o)).map((o) => o.id);
    if (isPair(m)) {
      const { of: _of, subtract, ...r } = rest;
      return { ...r, ...(m.agg === 'ratio' && subtract ? { subtract } : {}), num: m.num ?? ids[0], den: m.den ?? ids[1] ?? ids[0] };
    }
    const { num: _n, den: _d, subtract: _s, ...r } = rest;
    return { ...r, of: m.of ?? ids[0] };
  }
  const { num: _n, den: _d, subtract: _s, of: _of, ...rest } = m;
  const f = findField(palette, m.field);
  if (f && !(f.aggregates as readonly string[]).includes(m.agg)) return { ...rest, agg: isNumeric(f) ? 'sum' : 'count' };
  return rest;
}

/** After the operator changed: the value takes the operator's shape (a list, a pair, nothing, one value); a bound filter has none. */
export function fixFilter(f: Filter): Filter {
  const { value, ...rest } = f;
  if (f.param) return rest;
  const list = Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
  if (f.op === 'null' || f.op === 'notnull') return rest;
  if (f.op === 'in' || f.op === 'nin') return { ...rest, value: list };
  if (f.op === 'between') return { ...rest, value: [list[0] ?? '', list[1] ?? ''] };
  return list.length ? { ...rest, value: list[0] } : rest;
}

/** After the type changed: only select / choice keep options; the default starts over. */
export function fixParam(p: Param): Param {
  const { options, default: _d, form, ...rest } = p;
  return {
    ...rest,
    ...((p.type === 'select' || p.type === 'choice') && options ? { options } : {}),
    ...(p.type === 'relation' && form ? { form } : {}),
    ...(p.type === 'date_range' ? { default: 'last_30_days' } : {}),
  };
}
