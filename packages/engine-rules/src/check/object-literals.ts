import type { AnyNode, Node, ObjectExpression } from 'acorn';
import type { FieldInfo } from '../schema.js';
import type { ExpressionAnalysis } from './analyze-expression.js';
import { returnsOf } from './analyze-expression.js';
import { isFunction, staticKey } from './ast.js';
import { didYouMean } from './did-you-mean.js';
import { suggestion } from './messages.js';
import type { Reporter } from './reporter.js';

function fromFunction(fn: Node | undefined): Node[] {
  const f = fn as AnyNode | undefined;
  if (!f || !isFunction(f)) return [];
  return f.body.type === 'BlockStatement' ? returnsOf(f.body) : [f.body];
}

/**
 * The object literals that become elements of the list an expression produces, as far as they
 * can be seen: `[{…}, {…}]`, `xs.map((x) => ({…}))`, `list.map(xs, (x) => {… return {…}})`,
 * through `filter`/`slice`/conditionals and `const` names. Used to check their keys.
 * @internal
 */
export function listElementObjects(a: ExpressionAnalysis, nodes: readonly Node[], depth = 0): ObjectExpression[] {
  const out: ObjectExpression[] = [];
  if (depth > 4) return out;
  const objects = (ns: Node[]) => ns.filter((n): n is ObjectExpression => n.type === 'ObjectExpression');
  for (const raw of nodes) {
    const n = raw as AnyNode;
    switch (n.type) {
      case 'ArrayExpression':
        for (const el of n.elements) if (el?.type === 'ObjectExpression') out.push(el);
        break;
      case 'CallExpression': {
        const helper = a.inference.helperOf(n.callee);
        if (helper?.name === 'list.map') out.push(...objects(fromFunction(n.arguments[1])));
        else if (helper?.name === 'list.filter' && n.arguments[0]) out.push(...listElementObjects(a, [n.arguments[0]], depth + 1));
        else if (n.callee.type === 'MemberExpression') {
          const m = staticKey(n.callee.property, n.callee.computed);
          if (m === 'map' || m === 'flatMap') out.push(...objects(fromFunction(n.arguments[0])));
          else if (m === 'filter' || m === 'slice' || m === 'sort' || m === 'toSorted') out.push(...listElementObjects(a, [n.callee.object], depth + 1));
        }
        break;
      }
      case 'ConditionalExpression':
        out.push(...listElementObjects(a, [n.consequent, n.alternate], depth + 1));
        break;
      case 'LogicalExpression':
        out.push(...listElementObjects(a, n.operator === '&&' ? [n.right] : [n.left, n.right], depth + 1));
        break;
      case 'Identifier': {
        const b = a.scopes.refs.get(n);
        if (b?.init) out.push(...listElementObjects(a, [b.init], depth + 1));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Where the keys of object literals are checked and against what. @internal */
export interface ObjectKeyCheck {
  readonly rep: Reporter;
  readonly path: string;
  readonly fields: Readonly<Record<string, FieldInfo>>;
  readonly form: string;
  readonly subtable?: string;
  /** A key every object must have (a ledger's `key` field). */
  readonly required?: string;
}

/** Reports keys of `objects` that are not fields (and a missing required key). @internal */
export function checkObjectKeys(a: ExpressionAnalysis, objects: readonly ObjectExpression[], c: ObjectKeyCheck): void {
  const names = Object.keys(c.fields);
  for (const o of objects) {
    let spread = false;
    const keys = new Set<string>();
    for (const p of o.properties) {
      if (p.type === 'SpreadElement') {
        spread = true;
        continue;
      }
      const key = staticKey(p.key, p.computed);
      if (key === undefined) {
        spread = true;
        continue;
      }
      keys.add(key);
      if (Object.hasOwn(c.fields, key)) continue;
      const suggest = suggestion(didYouMean(key, names), c.rep.locale);
      if (c.subtable) c.rep.add('RULE_UNKNOWN_FIELD', c.path, 'unknownRowField', { field: key, form: c.form, subtable: c.subtable, suggest }, a.span(p.key));
      else c.rep.add('RULE_UNKNOWN_FIELD', c.path, 'unknownField', { field: key, form: c.form, suggest }, a.span(p.key));
    }
    if (c.required !== undefined && !spread && !keys.has(c.required)) c.rep.add('RULE_INVALID', c.path, 'ledgerEntryNoKey', { key: c.required }, { ...a.span(o), to: a.span(o).from + 1 });
  }
}
