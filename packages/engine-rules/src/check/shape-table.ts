import { ptr } from '../compile/pointer.js';
import { HIT_POLICIES } from '../types.js';
import { didYouMean } from './did-you-mean.js';
import { suggestion } from './messages.js';
import type { Reporter } from './reporter.js';
import { ID_PATTERN, isObject, KEY_PATTERN, Shape } from './shape-util.js';

const OUTPUT_TYPES = ['number', 'money', 'text', 'boolean'] as const;

/** Checks a list of objects with unique `id`s; returns the ids of the well-formed ones. */
function columns(rep: Reporter, def: Record<string, unknown>, prop: 'inputs' | 'outputs' | 'rows', each: (s: Shape, o: Record<string, unknown>) => void): string[] {
  const list = def[prop];
  if (!Array.isArray(list)) {
    rep.add('RULE_INVALID', ptr(prop), list === undefined ? 'required' : 'wrongType', { prop, expected: rep.locale === 'en' ? 'a list' : '列表' });
    return [];
  }
  const ids: string[] = [];
  list.forEach((o, i) => {
    if (!isObject(o)) {
      rep.add('RULE_INVALID', ptr(prop, i), 'notObject', { what: rep.locale === 'en' ? `${prop}[${i}]` : `${prop}[${i}] ` });
      return;
    }
    const s = new Shape(rep, o, ptr(prop, i));
    if (s.name('id', ID_PATTERN, 'idSyntax')) {
      if (ids.includes(o.id as string)) rep.add('RULE_INVALID', ptr(prop, i, 'id'), 'idDuplicate', { value: o.id });
      else ids.push(o.id as string);
    }
    each(s, o);
  });
  return ids;
}

function cellKeys(rep: Reporter, row: Record<string, unknown>, i: number, side: 'when' | 'then', allowed: readonly string[]): void {
  const cells = row[side];
  if (cells === undefined) return;
  if (!isObject(cells)) {
    rep.add('RULE_INVALID', ptr('rows', i, side), 'wrongType', { prop: side, expected: rep.locale === 'en' ? 'an object' : '对象' });
    return;
  }
  for (const [k, v] of Object.entries(cells)) {
    const path = ptr('rows', i, side, k);
    if (!allowed.includes(k)) rep.add('RULE_INVALID', path, side === 'when' ? 'unknownInputColumn' : 'unknownOutputColumn', { value: k, suggest: suggestion(didYouMean(k, allowed), rep.locale) });
    else if (typeof v !== 'string') rep.add('RULE_INVALID', path, 'wrongType', { prop: `${side}.${k}`, expected: rep.locale === 'en' ? 'a string' : '字符串' });
  }
}

/**
 * Shape checks of a decision table (after the header): hit policy, input and output columns,
 * rows whose `when` / `then` name existing columns; ids unique, output keys unique.
 * @internal
 */
export function checkTableShape(rep: Reporter, def: Record<string, unknown>): void {
  new Shape(rep, def, '').oneOf('hitPolicy', HIT_POLICIES);
  const inputs = columns(rep, def, 'inputs', (s) => {
    s.text('label', true, false);
    s.string('expression', false, 'expression');
  });
  const keys: string[] = [];
  const outputs = columns(rep, def, 'outputs', (s, o) => {
    s.text('label', true, false);
    if (s.name('key', KEY_PATTERN, 'keySyntax')) {
      if (keys.includes(o.key as string)) rep.add('RULE_INVALID', s.path('key'), 'keyDuplicate', { value: o.key });
      keys.push(o.key as string);
    }
    s.oneOf('type', OUTPUT_TYPES, true);
  });
  const rowList = Array.isArray(def.rows) ? def.rows : [];
  columns(rep, def, 'rows', (s) => {
    s.string('description', true);
  });
  rowList.forEach((row, i) => {
    if (!isObject(row)) return;
    cellKeys(rep, row, i, 'when', inputs);
    cellKeys(rep, row, i, 'then', outputs);
  });
}
