import type { FieldInfo } from '../schema.js';
import type { ValueType } from '../helpers.js';
import { ptr } from '../compile/pointer.js';
import type { ExpressionAnalysis } from './analyze-expression.js';
import { didYouMean } from './did-you-mean.js';
import { suggestion, typeWord } from './messages.js';
import { checkObjectKeys, listElementObjects } from './object-literals.js';
import type { Reporter } from './reporter.js';
import { compatible } from './type-info.js';

/** What a mapping may write to a field of each type (undefined: the field cannot be written). */
function accepts(f: FieldInfo): readonly ValueType[] | undefined {
  switch (f.type) {
    case 'formula':
    case 'autonumber':
      return undefined;
    case 'relation':
      return f.many ? ['list'] : ['number', 'object'];
    case 'user':
      return ['number'];
    case 'subtable':
    case 'multiselect':
      return ['list'];
    case 'number':
    case 'money':
      return ['number'];
    case 'boolean':
      return ['boolean'];
    case 'date':
    case 'datetime':
      return ['date'];
    default:
      return ['string'];
  }
}

/** One `values` / `match` mapping of a write action, ready to check. @internal */
export interface MappingCheck {
  readonly rep: Reporter;
  readonly form: string;
  readonly fields: Readonly<Record<string, FieldInfo>>;
  /** `/actions/1` */
  readonly base: string;
  readonly prop: 'values' | 'match';
  readonly mapping: Readonly<Record<string, unknown>>;
  /** Analyses of the mapping's expressions by field key (those that parsed). */
  readonly analyses: ReadonlyMap<string, ExpressionAnalysis>;
}

/**
 * Checks a field mapping: every key is a writable field of the form (RULE_UNKNOWN_FIELD with a
 * suggestion; computed fields RULE_INVALID), each value's inferred type fits the field
 * (RULE_ARG_TYPE), and rows written to a sub-table name only its columns.
 * @internal
 */
export function checkMapping(m: MappingCheck): void {
  const { rep } = m;
  const names = Object.keys(m.fields);
  for (const key of Object.keys(m.mapping)) {
    const path = m.base + ptr(m.prop, key);
    if (!Object.hasOwn(m.fields, key)) {
      rep.add('RULE_UNKNOWN_FIELD', path, 'unknownField', { field: key, form: m.form, suggest: suggestion(didYouMean(key, names), rep.locale) });
      continue;
    }
    const f = m.fields[key]!;
    const ok = accepts(f);
    if (!ok) {
      rep.add('RULE_INVALID', path, 'fieldComputed', { field: key, type: f.type }, undefined, f.type === 'formula' ? 'warning' : 'error');
      continue;
    }
    const a = m.analyses.get(key);
    if (!a) continue;
    if (!compatible(ok, a.type)) {
      const at = a.values.length === 1 ? a.span(a.values[0]!) : { source: a.parsed.source, from: 0, to: a.parsed.source.length };
      rep.add('RULE_ARG_TYPE', path, 'valueType', { field: key, fieldType: f.type, expected: typeWord(ok[0]!, rep.locale), actual: typeWord(a.type.vt, rep.locale) }, at);
    }
    if (f.type === 'subtable' && f.fields) {
      checkObjectKeys(a, listElementObjects(a, a.values), { rep, path, fields: f.fields, form: m.form, subtable: key });
    }
  }
}
