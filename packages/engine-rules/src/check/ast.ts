import type { AnonymousFunctionDeclaration, AnyNode, ArrowFunctionExpression, FunctionDeclaration, FunctionExpression, Node } from 'acorn';

/** A function of any form. @internal */
export type FunctionNode = FunctionDeclaration | AnonymousFunctionDeclaration | FunctionExpression | ArrowFunctionExpression;

const SKIP = new Set(['type', 'start', 'end', 'loc', 'range']);

/** Whether `v` is an acorn node. @internal */
export function isNode(v: unknown): v is AnyNode {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string' && typeof (v as Node).start === 'number';
}

/** Calls `fn` for each direct child node of `node`, in source order of its properties. @internal */
export function forEachChild(node: Node, fn: (child: AnyNode, key: string) => void): void {
  for (const key of Object.keys(node)) {
    if (SKIP.has(key)) continue;
    const v = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (isNode(x)) fn(x, key);
    } else if (isNode(v)) fn(v, key);
  }
}

/** Whether the node is a function (declaration, expression or arrow). @internal */
export function isFunction(n: Node): n is FunctionNode {
  return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
}

/** The name of a non-computed member / property key (`a.b`, `a['b']`, `{ b: 1 }`), if static. @internal */
export function staticKey(key: Node, computed: boolean): string | undefined {
  const k = key as AnyNode;
  if (!computed && k.type === 'Identifier') return k.name;
  if (k.type === 'Literal' && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  if (computed && k.type === 'TemplateLiteral' && k.expressions.length === 0) return k.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The value of a string literal node (`'orders'`, `` `orders` ``), if it is one. @internal */
export function stringLiteral(n: Node | undefined): string | undefined {
  const k = n as AnyNode | undefined;
  if (!k) return undefined;
  if (k.type === 'Literal' && typeof k.value === 'string') return k.value;
  if (k.type === 'TemplateLiteral' && k.expressions.length === 0) return k.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
