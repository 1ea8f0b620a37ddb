import type { FormDefinition, Locale } from '@kiln/engine-forms';
import { DEFAULT_TIME_ZONE, type CompileContext } from './compile/context.js';
import type { DatasetField } from './model.js';
import { aggregatesFor, SYSTEM_FIELDS } from './paths/field-info.js';
import { Scope, type Resolved } from './paths/scope.js';
import { syntheticCatalog } from './paths/synthetic.js';
import { localized } from './text.js';
import type { Dataset } from './types.js';

/** Relation hops the palette offers (paths may take up to three). */
const PALETTE_HOPS = 2;

/**
 * Every path of a dataset the studio palette offers: the form's fields and system fields,
 * fields through single relations (two hops deep), the unnested sub-table's fields and the
 * computed columns — each with a localized label (`客户 › 地区`), its value type, whether it
 * takes a time bucket or a region level, can be grouped, and the aggregates that fit it.
 * Paths that do not resolve (e.g. a broken computed column) are left out.
 */
export function datasetFields(forms: Record<string, FormDefinition>, dataset: Dataset, locale: Locale = 'zh-CN'): DatasetField[] {
  const form = forms[dataset.form];
  if (!form) return [];
  const ctx: CompileContext = { catalog: syntheticCatalog(forms), params: {}, declared: [], timeZone: DEFAULT_TIME_ZONE, locale };
  let scope: Scope;
  try {
    scope = new Scope(ctx, { form: dataset.form, alias: 't', joinPrefix: 'j', ...(dataset.unnest ? { unnest: dataset.unnest } : {}), ...(dataset.columns ? { columns: dataset.columns } : {}) }, '/dataset/form');
  } catch {
    return [];
  }
  const out: DatasetField[] = [];
  const add = (path: string) => {
    let r: Resolved;
    try {
      r = scope.resolve(path, '');
    } catch {
      return;
    }
    out.push({
      path,
      label: localized(r.label, locale),
      type: r.fieldType,
      valueType: r.valueType,
      canBucket: r.valueType === 'date' || r.valueType === 'datetime',
      canLevel: r.valueType === 'region',
      canGroup: r.groupable,
      aggregates: r.many ? [] : aggregatesFor(r.valueType, r.groupable),
    });
  };
  const walk = (formKey: string, prefix: string, hops: number, seen: readonly string[]) => {
    const def = forms[formKey];
    if (!def) return;
    for (const f of def.fields) {
      if (f.type === 'subtable') continue;
      add(prefix + f.key);
      if (f.type === 'relation' && !f.many && hops < PALETTE_HOPS) walk(f.target, `${prefix}${f.key}.`, hops + 1, [...seen, formKey]);
    }
    for (const key of Object.keys(SYSTEM_FIELDS)) if (!def.fields.some((f) => f.key === key)) add(prefix + key);
  };
  walk(dataset.form, '', 0, []);
  const sub = dataset.unnest ? form.fields.find((f) => f.key === dataset.unnest) : undefined;
  if (sub && sub.type === 'subtable') {
    for (const f of sub.fields) {
      add(`${sub.key}.${f.key}`);
      if (f.type === 'relation' && !f.many) {
        const target = forms[f.target];
        for (const tf of target?.fields ?? []) if (tf.type !== 'subtable') add(`${sub.key}.${f.key}.${tf.key}`);
      }
    }
  }
  for (const c of dataset.columns ?? []) add(`$${c.id}`);
  return out;
}
