import type { CallExpression } from 'acorn';
import { staticKey, stringLiteral } from './ast.js';
import type { Inference } from './infer.js';
import { recordType, T, type TypeInfo } from './type-info.js';

const SAME_LIST = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'concat']);
const ELEMENT_OF = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const STRING_METHODS = new Set(['toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'padStart', 'padEnd', 'replace', 'replaceAll', 'concat', 'charAt', 'at', 'repeat', 'normalize']);
const BOOLEAN_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'some', 'every', 'has']);
const NUMBER_METHODS = new Set(['indexOf', 'lastIndexOf', 'findIndex', 'findLastIndex', 'push', 'unshift', 'charCodeAt', 'localeCompare']);
/** Helpers whose result is the list they were given (same element type). */
const SAME_LIST_HELPERS = new Set(['list.filter', 'list.unique']);
/** Helpers whose result is one element of the list they were given. */
const ELEMENT_HELPERS = new Set(['list.find', 'list.first', 'list.last']);

/**
 * The type of a call: catalog helpers by their signature (lookups with a literal form give
 * records of that form; `list.filter` / `list.find` keep the list's element type), array and
 * string methods of typed values, and a few built-ins (`Math.*`, `Number()`, `String()`…).
 * @internal
 */
export function callType(inf: Inference, node: CallExpression): TypeInfo {
  const helper = inf.helperOf(node.callee);
  const args = node.arguments;
  if (helper) {
    const first = args[0] && args[0].type !== 'SpreadElement' ? args[0] : undefined;
    if (helper.name === 'db.get' || helper.name === 'db.find' || helper.name === 'db.all') {
      const rec = recordType(inf.env.schema, stringLiteral(first));
      if (helper.name === 'db.all') return rec === T.any ? T.list : T.listOf(rec);
      return rec === T.any ? T.object : rec;
    }
    if (SAME_LIST_HELPERS.has(helper.name) && first) {
      const t = inf.type(first);
      return t.vt === 'list' ? t : T.list;
    }
    if (ELEMENT_HELPERS.has(helper.name) && first) return inf.type(first).element ?? T.any;
    return T.of(helper.returns);
  }
  const callee = node.callee;
  if (callee.type === 'MemberExpression') {
    const method = staticKey(callee.property, callee.computed);
    const obj = inf.type(callee.object);
    if (method === undefined) return T.any;
    if (callee.object.type === 'Identifier' && inf.scopes.refs.get(callee.object) === null) {
      const g = callee.object.name;
      if (g === 'Math' || g === 'Number') return method === 'isInteger' || method === 'isFinite' || method === 'isNaN' ? T.boolean : T.number;
      if (g === 'JSON' && method === 'stringify') return T.string;
      if (g === 'Object' && (method === 'keys' || method === 'values' || method === 'entries')) return method === 'keys' ? T.listOf(T.string) : T.list;
      if (g === 'Array' && method === 'isArray') return T.boolean;
    }
    if (obj.vt === 'list') {
      if (SAME_LIST.has(method)) return obj;
      if (ELEMENT_OF.has(method)) return obj.element ?? T.any;
      if (method === 'map' || method === 'flatMap') return T.list;
      if (method === 'join') return T.string;
    }
    if ((obj.vt === 'string' || obj.vt === 'date') && STRING_METHODS.has(method)) return T.string;
    if ((obj.vt === 'string' || obj.vt === 'date') && method === 'split') return T.listOf(T.string);
    if (BOOLEAN_METHODS.has(method) && (obj.vt === 'list' || obj.vt === 'string')) return T.boolean;
    if (NUMBER_METHODS.has(method) && (obj.vt === 'list' || obj.vt === 'string')) return T.number;
    if (method === 'toString' || method === 'toFixed') return T.string;
    return T.any;
  }
  if (callee.type === 'Identifier' && inf.scopes.refs.get(callee) === null) {
    if (callee.name === 'Number' || callee.name === 'parseInt' || callee.name === 'parseFloat') return T.number;
    if (callee.name === 'String') return T.string;
    if (callee.name === 'Boolean' || callee.name === 'isNaN' || callee.name === 'isFinite') return T.boolean;
  }
  return T.any;
}
