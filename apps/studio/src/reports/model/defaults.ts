import type { Dimension, Filter, Measure } from '@kiln/engine-reports';
import { isDerived } from './fixups';
import { newId } from './ids';
import { isNumeric, type PaletteField } from './palette';

/** A new dimension on a palette field: date fields group by month, region fields by province. */
export function newDimension(f: PaletteField, taken: Iterable<string>): Dimension {
  return {
    id: newId(f.path.replace(/^\$/, ''), taken),
    field: f.path,
    ...(f.canBucket ? { bucket: 'month' as const } : {}),
    ...(f.canLevel ? { level: 'province' as const } : {}),
  };
}

/** A new measure on a palette field: `sum` of numbers and money, else `count`. */
export function newMeasure(f: PaletteField, taken: Iterable<string>): Measure {
  const agg = isNumeric(f) ? 'sum' : 'count';
  return { id: newId(`${f.path.replace(/^\$/, '')}_${agg}`, taken), agg, field: f.path };
}

/** The record count: a measure without a field. */
export function countMeasure(taken: Iterable<string>): Measure {
  return { id: newId('count', taken), agg: 'count' };
}

/** A new dataset filter on a field: "is not empty" until the user picks an operator and value. */
export function newFilter(f: PaletteField): Filter {
  return { field: f.path, op: 'notnull' };
}

/**
 * A new derived measure over the existing ones: a ratio of the first two measures when there
 * are two, else the share of the first.
 */
export function newDerived(measures: readonly Measure[], taken: Iterable<string>): Measure {
  const plain = measures.filter((m) => !isDerived(m));
  if (plain.length >= 2) return { id: newId('ratio', taken), agg: 'ratio', num: plain[0].id, den: plain[1].id, format: 'percent' };
  return { id: newId('share', taken), agg: 'share', of: plain[0]?.id ?? measures[0]?.id, format: 'percent' };
}
