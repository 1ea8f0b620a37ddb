import type { AnyNode, CallExpression, Node } from 'acorn';
import type { HelperParam, HelperSignature, ValueType } from '../helpers.js';
import { SYSTEM_FIELDS } from '../schema.js';
import type { CheckerView } from './analyze-expression.js';
import { staticKey, stringLiteral } from './ast.js';
import { didYouMean } from './did-you-mean.js';
import { suggestion, typeWord } from './messages.js';
import { compatible } from './type-info.js';

const DB_FILTER_ARG: Readonly<Record<string, number>> = { 'db.find': 1, 'db.all': 1, 'db.count': 1, 'db.sum': 2 };

function typesWord(t: HelperParam['type'], locale: 'zh-CN' | 'en'): string {
  const list: readonly ValueType[] = typeof t === 'string' ? [t] : t;
  return list.map((x) => typeWord(x, locale)).join(locale === 'en' ? ' or ' : '或');
}

/** Field keys of a form that may appear in a filter or a `db.sum` (its fields plus id, createdAt…). */
function filterable(c: CheckerView, form: string): string[] | undefined {
  const info = Object.hasOwn(c.env.schema.forms, form) ? c.env.schema.forms[form] : undefined;
  return info ? [...Object.keys(info.fields), ...Object.keys(SYSTEM_FIELDS)] : undefined;
}

function checkFieldName(c: CheckerView, form: string, field: string, node: Node): void {
  const names = filterable(c, form);
  if (!names || names.includes(field)) return;
  c.rep.add('RULE_UNKNOWN_FIELD', c.path, 'unknownField', { field, form, suggest: suggestion(didYouMean(field, names), c.rep.locale) }, c.span(node));
}

function checkObjectKeys(c: CheckerView, form: string, obj: Node | undefined, only?: string): void {
  const o = obj as AnyNode | undefined;
  if (o?.type !== 'ObjectExpression') return;
  for (const p of o.properties) {
    if (p.type !== 'Property') continue;
    const key = staticKey(p.key, p.computed);
    if (key === undefined || key.startsWith('$')) continue;
    if (only !== undefined) {
      if (key !== only) continue;
      const v = stringLiteral(p.value);
      if (v !== undefined) checkFieldName(c, form, v.replace(/^-/, ''), p.value);
    } else checkFieldName(c, form, key, p.key);
  }
}

/** Lookups: the form literal exists; filter keys, `db.sum`'s field and `db.all`'s sort are its fields. */
function checkLookup(c: CheckerView, call: CallExpression, helper: HelperSignature): void {
  const args = call.arguments;
  const form = stringLiteral(args[0]);
  if (form === undefined) return;
  const forms = Object.keys(c.env.schema.forms);
  if (!Object.hasOwn(c.env.schema.forms, form)) {
    c.rep.add('RULE_UNKNOWN_FORM', c.path, 'unknownForm', { form, suggest: suggestion(didYouMean(form, forms), c.rep.locale) }, c.span(args[0]!));
    return;
  }
  if (helper.name === 'db.sum') {
    const field = stringLiteral(args[1]);
    if (field !== undefined) checkFieldName(c, form, field, args[1]!);
  }
  const filterAt = DB_FILTER_ARG[helper.name];
  if (filterAt !== undefined) checkObjectKeys(c, form, args[filterAt]);
  if (helper.name === 'db.all') checkObjectKeys(c, form, args[2], 'sort');
}

/**
 * Checks a call of a catalog helper: number of arguments, the types of those whose type can be
 * inferred, and for lookups and `ref()` the form, field and action names given as literals.
 * @internal
 */
export function checkHelperCall(c: CheckerView, call: CallExpression, helper: HelperSignature): void {
  const args = call.arguments;
  const locale = c.rep.locale;
  const params = helper.params;
  const rest = params.find((p) => p.rest);
  if (!args.some((a) => a.type === 'SpreadElement')) {
    const min = params.filter((p) => !p.optional && !p.rest).length;
    const max = rest ? Infinity : params.length;
    if (args.length < min) c.rep.add('RULE_ARG_TYPE', c.path, 'arityFew', { helper: helper.name, min, count: args.length }, c.span(call));
    else if (args.length > max) c.rep.add('RULE_ARG_TYPE', c.path, 'arityMany', { helper: helper.name, max, count: args.length }, { ...c.span(args[max]!), to: c.span(args[args.length - 1]!).to });
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.type === 'SpreadElement') break;
    const p = i < params.length && !params[i]!.rest ? params[i]! : rest;
    if (!p) break;
    const t = c.inf.type(a);
    if (!compatible(p.type, t)) {
      c.rep.add('RULE_ARG_TYPE', c.path, 'argType', { helper: helper.name, param: p.name, expected: typesWord(p.type, locale), actual: typeWord(t.vt, locale) }, c.span(a));
    }
  }
  if (helper.name.startsWith('db.')) checkLookup(c, call, helper);
  if (helper.name === 'ref' && c.env.refs) {
    const id = stringLiteral(args[0]);
    if (id !== undefined && !c.env.refs.includes(id)) {
      c.rep.add('RULE_UNKNOWN_NAME', c.path, 'unknownRef', { name: id, suggest: suggestion(didYouMean(id, c.env.refs), locale) }, c.span(args[0]!));
    }
  }
}
