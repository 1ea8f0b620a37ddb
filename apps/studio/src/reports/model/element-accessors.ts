import type { DatasetColumn, Dimension, Filter, Measure, Param, ReportDefinition } from '@kiln/engine-reports';
import { localized, plain, whenAccessors, type Accessors } from './accessors';
import { fixFilter } from './fixups';

/** The first option of a `choice` parameter (the default value of a new `when` switch). */
export function firstOptionOf(def: ReportDefinition) {
  return (key: string) => def.params?.find((p) => p.key === key)?.options?.[0]?.value ?? '';
}

/** Properties of a dimension. */
export function dimensionAccessors(def: ReportDefinition): Accessors<Dimension> {
  return {
    'label-zh': localized('label', 'zh-CN'),
    'label-en': localized('label', 'en'),
    field: plain('field'),
    bucket: plain('bucket'),
    level: plain('level'),
    ...whenAccessors<Dimension>(firstOptionOf(def)),
  };
}

/** Properties of a measure (plain aggregates and derived ones). */
export function measureAccessors(def: ReportDefinition): Accessors<Measure> {
  return {
    'label-zh': localized('label', 'zh-CN'),
    'label-en': localized('label', 'en'),
    agg: plain('agg'),
    field: plain('field'),
    format: plain('format'),
    num: plain('num'),
    den: plain('den'),
    subtract: plain('subtract'),
    of: plain('of'),
    hidden: plain('hidden'),
    filters: { get: (m) => m.filters ?? [], set: (m, v) => plain<Measure>('filters').set(m, Array.isArray(v) && v.length ? v : undefined) },
    ...whenAccessors<Measure>(firstOptionOf(def)),
  };
}

/** Binds a filter to a parameter (its value goes: a filter has one or the other), or unbinds it. */
export function bindParam(f: Filter, param: unknown): Filter {
  const { param: _p, value: _v, ...rest } = f;
  return param ? { ...rest, param: String(param) } : fixFilter(rest);
}

/** Properties of a filter (the value's shape follows the operator, see the value input). */
export const filterAccessors: Accessors<Filter> = {
  field: plain('field'),
  op: plain('op'),
  value: plain('value'),
  param: { get: (f) => f.param, set: bindParam },
};

/** Properties of a parameter; the key is renamed with its references by the panel. */
export const paramAccessors: Accessors<Param> = {
  key: { get: (p) => p.key, set: (p, v) => ({ ...p, key: String(v ?? '') }) },
  'label-zh': localized('label', 'zh-CN', true),
  'label-en': localized('label', 'en', true),
  type: plain('type'),
  options: { get: (p) => p.options ?? [], set: (p, v) => plain<Param>('options').set(p, Array.isArray(v) && v.length ? v : undefined) },
  default: plain('default'),
  required: plain('required'),
  form: plain('form'),
};

/** Properties of a computed column (expression or roll-up). */
export const columnAccessors: Accessors<DatasetColumn> = {
  'label-zh': localized('label', 'zh-CN', true),
  'label-en': localized('label', 'en', true),
  kind: plain('kind'),
  expr: plain('expr'),
  form: plain('form'),
  via: plain('via'),
  agg: plain('agg'),
  field: plain('field'),
  format: plain('format'),
};
