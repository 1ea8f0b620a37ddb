import jsonata from 'jsonata';
import { MAPPING_FUNCTIONS } from '../functions.js';
import { describeError } from '../jsonata-env.js';

/** JSONata's built-in functions (2.2), plus the clock Kiln rebinds. */
const BUILTINS = 'sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad match contains replace split join formatNumber formatBase formatInteger parseInteger number floor ceil round abs sqrt power random boolean not map zip filter single reduce sift keys lookup append exists spread merge reverse each error assert type sort shuffle distinct base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl eval toMillis fromMillis clone now millis'.split(' ');
const KNOWN = new Set([...BUILTINS, ...MAPPING_FUNCTIONS.map((f) => f.name)]);

type Node = { type?: string; value?: unknown; procedure?: Node; lhs?: unknown; rhs?: Node; arguments?: Node[] } & Record<string, unknown>;

/** Walks every object of an AST. */
function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) for (const x of node) walk(x, visit);
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v, visit);
  }
}

/**
 * Why a JSONata expression is invalid, or null: a syntax error (with its position), or a call
 * of a function that is neither built in, a Kiln helper nor defined in the expression
 * (`$yaun(x)` would otherwise fail only when a delivery runs).
 */
export function expressionProblem(source: string): { zh: string; en: string } | null {
  if (!source.trim()) return { zh: '表达式为空', en: 'The expression is empty' };
  let ast: unknown;
  try {
    ast = jsonata(source).ast();
  } catch (e) {
    const d = describeError(e);
    const at = d.position !== undefined ? ` (position ${d.position})` : '';
    return { zh: `JSONata 语法错误：${d.message}${at}`, en: `JSONata syntax error: ${d.message}${at}` };
  }
  const defined = new Set<string>();
  const called: string[] = [];
  walk(ast, (n) => {
    if (n.type === 'bind' && n.lhs && typeof n.lhs === 'object' && typeof (n.lhs as Node).value === 'string') defined.add((n.lhs as Node).value as string);
    if (n.type === 'lambda' && Array.isArray(n.arguments)) for (const a of n.arguments) if (typeof a.value === 'string') defined.add(a.value);
    if ((n.type === 'function' || n.type === 'partial') && n.procedure?.type === 'variable' && typeof n.procedure.value === 'string') called.push(n.procedure.value);
    if (n.type === 'apply' && n.rhs?.type === 'variable' && typeof n.rhs.value === 'string') called.push(n.rhs.value);
  });
  const unknown = called.find((name) => name !== '' && !KNOWN.has(name) && !defined.has(name));
  if (unknown) return { zh: `未知函数 $${unknown}`, en: `Unknown function $${unknown}` };
  return null;
}
