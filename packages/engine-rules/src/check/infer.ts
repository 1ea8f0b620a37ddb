import type { AnyNode, Node } from 'acorn';
import { HELPER_BY_NAME, HELPER_GLOBALS, type HelperSignature } from '../helpers.js';
import { SYSTEM_FIELDS } from '../schema.js';
import { isFunction, staticKey, type FunctionNode } from './ast.js';
import { callType } from './infer-call.js';
import type { ExprEnv } from './expression-env.js';
import type { Binding, ScopeInfo } from './scope.js';
import { fieldType, T, type TypeInfo } from './type-info.js';

/** Array methods whose callback's parameters are (element, index, list). */
const ELEMENT_CALLBACKS = new Set(['map', 'filter', 'forEach', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'flatMap']);

/**
 * Type inference over one parsed expression: memoised per node, never reports. Local `const`
 * names take their initializer's type; callback parameters of list helpers and array methods
 * take the list's element type, so `record.lines.map((l) => l.qty)` knows `l` is an order line.
 * @internal
 */
export class Inference {
  private readonly memo = new Map<Node, TypeInfo>();
  private readonly busy = new Set<Node>();

  constructor(
    readonly scopes: ScopeInfo,
    readonly env: ExprEnv,
  ) {}

  /** The type of a free (undeclared) name: a fact, a helper, or unknown (`any`). */
  freeType(name: string): TypeInfo {
    switch (name) {
      case 'record':
      case 'old':
        return this.env.record;
      case 'changed':
        return T.listOf(T.string);
      case 'results':
        return { vt: 'object', results: true };
      case 'item':
        return this.env.item ?? T.any;
      case 'index':
        return T.number;
      case 'input':
      case '$':
        return this.env.context === 'cell' ? (this.env.dollar ?? T.any) : T.any;
      default:
        if (HELPER_BY_NAME.has(name)) return { vt: 'function', helper: name };
        if (HELPER_GLOBALS.includes(name)) return { vt: 'object', ns: name };
        return T.any;
    }
  }

  /** The helper a callee refers to (`money.pct`, `now`), if any. */
  helperOf(callee: Node): HelperSignature | undefined {
    const t = this.type(callee);
    return t.helper ? HELPER_BY_NAME.get(t.helper) : undefined;
  }

  type(node: Node): TypeInfo {
    const hit = this.memo.get(node);
    if (hit) return hit;
    if (this.busy.has(node)) return T.any;
    this.busy.add(node);
    const t = this.compute(node as AnyNode);
    this.busy.delete(node);
    this.memo.set(node, t);
    return t;
  }

  private binding(b: Binding): TypeInfo {
    if (b.kind === 'function') return T.fn;
    if (b.init) return this.type(b.init);
    if (b.kind === 'param' && b.fn && b.paramIndex !== undefined) return this.paramType(b.fn, b.paramIndex);
    return T.any;
  }

  /** The type of parameter `index` of a callback, from the call it is passed to. */
  paramType(fn: FunctionNode, index: number): TypeInfo {
    const call = this.scopes.parents.get(fn) as AnyNode | null | undefined;
    if (!call || call.type !== 'CallExpression') return T.any;
    const argIndex = call.arguments.indexOf(fn as never);
    if (argIndex < 0) return T.any;
    const helper = this.helperOf(call.callee);
    if (helper) {
      const list = helper.params[0]?.type === 'list' ? this.type(call.arguments[0]!) : T.any;
      if (helper.params[argIndex]?.type !== 'function') return T.any;
      return index === 0 ? (list.element ?? T.any) : index === 1 ? T.number : T.any;
    }
    if (call.callee.type !== 'MemberExpression' || argIndex !== 0) return T.any;
    const method = staticKey(call.callee.property, call.callee.computed);
    const list = this.type(call.callee.object);
    if (list.vt !== 'list' || method === undefined) return T.any;
    const el = list.element ?? T.any;
    if (ELEMENT_CALLBACKS.has(method)) return index === 0 ? el : index === 1 ? T.number : index === 2 ? list : T.any;
    if (method === 'reduce' || method === 'reduceRight') return index === 1 ? el : index === 2 ? T.number : T.any;
    if (method === 'sort' || method === 'toSorted') return index < 2 ? el : T.any;
    return T.any;
  }

  /** The type of `obj.prop`. */
  member(obj: TypeInfo, prop: string | undefined, computedNumber: boolean): TypeInfo {
    if (obj.ns && prop !== undefined) {
      const name = `${obj.ns}.${prop}`;
      return HELPER_BY_NAME.has(name) ? { vt: 'function', helper: name } : T.any;
    }
    if (obj.vt === 'list') {
      if (prop === 'length') return T.number;
      return computedNumber ? (obj.element ?? T.any) : T.any;
    }
    if ((obj.vt === 'string' || obj.vt === 'date') && prop === 'length') return T.number;
    if (obj.fields && prop !== undefined) {
      if (Object.hasOwn(obj.fields, prop)) return fieldType(obj.fields[prop]!, obj.owner ?? { form: '?' }, prop);
      if (obj.system && Object.hasOwn(SYSTEM_FIELDS, prop)) return T.of(SYSTEM_FIELDS[prop]!);
    }
    return T.any;
  }

  private compute(n: AnyNode): TypeInfo {
    switch (n.type) {
      case 'Literal':
        if (n.value === null && !('regex' in n && n.regex)) return { vt: 'any', isNull: true };
        if (typeof n.value === 'string') return T.string;
        if (typeof n.value === 'number' || typeof n.value === 'bigint') return T.number;
        if (typeof n.value === 'boolean') return T.boolean;
        return T.object;
      case 'TemplateLiteral':
        return T.string;
      case 'Identifier': {
        if (n.name === 'undefined') return T.any;
        const b = this.scopes.refs.get(n);
        return b ? this.binding(b) : b === null ? this.freeType(n.name) : T.any;
      }
      case 'MemberExpression': {
        const key = staticKey(n.property, n.computed);
        const numeric = n.computed && (n.property.type !== 'Literal' || typeof n.property.value === 'number');
        return this.member(this.type(n.object), key, numeric && !(n.property.type === 'Literal' && typeof n.property.value === 'string'));
      }
      case 'ChainExpression':
        return this.type(n.expression);
      case 'CallExpression':
        return callType(this, n);
      case 'ArrayExpression':
        return T.list;
      case 'ObjectExpression':
        return T.object;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return T.fn;
      case 'BinaryExpression': {
        if (['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>'].includes(n.operator)) return T.number;
        if (n.operator !== '+') return T.boolean;
        const l = this.type(n.left);
        const r = this.type(n.right);
        if (l.vt === 'string' || r.vt === 'string' || l.vt === 'date' || r.vt === 'date') return T.string;
        const num = (t: TypeInfo) => t.vt === 'number' || t.vt === 'money';
        return num(l) && num(r) ? T.number : T.any;
      }
      case 'LogicalExpression': {
        if (n.operator === '&&') return T.any;
        const r = n.right;
        if ((r.type === 'ObjectExpression' && r.properties.length === 0) || (r.type === 'ArrayExpression' && r.elements.length === 0)) return this.type(n.left);
        const l = this.type(n.left);
        return l.vt === this.type(r).vt && l.vt !== 'any' ? T.of(l.vt) : T.any;
      }
      case 'UnaryExpression':
        if (n.operator === '!' || n.operator === 'delete') return T.boolean;
        if (n.operator === 'typeof') return T.string;
        return n.operator === 'void' ? T.any : T.number;
      case 'UpdateExpression':
        return T.number;
      case 'ConditionalExpression': {
        const a = this.type(n.consequent);
        const b = this.type(n.alternate);
        if (a.isNull) return b;
        if (b.isNull) return a;
        return a.vt === b.vt ? T.of(a.vt) : T.any;
      }
      case 'AssignmentExpression':
        return n.operator === '=' ? this.type(n.right) : T.any;
      case 'SequenceExpression':
        return this.type(n.expressions[n.expressions.length - 1]!);
      case 'NewExpression':
        return T.object;
      default:
        return isFunction(n) ? T.fn : T.any;
    }
  }
}
