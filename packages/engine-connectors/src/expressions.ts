/**
 * Where the expressions of a definition are: every JSONata string with its JSON pointer, so
 * validation reports and execution failures point at the same place. @internal
 */

/** One expression of a definition. `key` is the pointer, plus `#n` for the n-th `{…}` of a path template. */
export interface ExpressionSite {
  key: string;
  pointer: string;
  source: string;
}

/** A JSON pointer segment (RFC 6901). */
export const esc = (segment: string | number): string => String(segment).replace(/~/g, '~0').replace(/\//g, '~1');

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A path template split into literal text and `{expression}` parts. */
export type PathPart = { text: string } | { expr: string };

/**
 * Splits `orders/{input.id}/lines` into parts. Braces inside an expression nest and quoted
 * strings are skipped, so `{$lookup(m, "}")}` is one part. Returns an error for an unclosed `{`.
 */
export function splitPathTemplate(path: string): { parts: PathPart[] } | { error: string } {
  const parts: PathPart[] = [];
  let text = '';
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c !== '{') {
      text += c;
      i++;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    let quote: string | null = null;
    for (; j < path.length && depth > 0; j++) {
      const d = path[j];
      if (quote) {
        if (d === '\\') j++;
        else if (d === quote) quote = null;
      } else if (d === '"' || d === "'" || d === '`') quote = d;
      else if (d === '{') depth++;
      else if (d === '}') depth--;
    }
    if (depth > 0) return { error: `Unclosed "{" at position ${i}` };
    const expr = path.slice(i + 1, j - 1);
    if (!expr.trim()) return { error: `Empty "{}" at position ${i}` };
    if (text) parts.push({ text });
    text = '';
    parts.push({ expr });
    i = j;
  }
  if (text) parts.push({ text });
  return { parts };
}

const STEP_EXPRESSIONS = ['when', 'body', 'success', 'error', 'expired', 'permanent'] as const;
const OPERATION_EXPRESSIONS = ['key', 'result', 'writeBack'] as const;
const HANDLER_EXPRESSIONS = ['when', 'values', 'payload', 'input'] as const;

/**
 * Every JSONata string of a (possibly malformed) definition, with its pointer. Values of the
 * wrong type are skipped here: validation reports them as shape problems.
 */
export function collectExpressions(def: unknown): ExpressionSite[] {
  const out: ExpressionSite[] = [];
  const add = (pointer: string, v: unknown) => {
    if (typeof v === 'string') out.push({ key: pointer, pointer, source: v });
  };
  if (!isObj(def)) return out;
  if (isObj(def.operations)) {
    for (const [name, op] of Object.entries(def.operations)) {
      if (!isObj(op)) continue;
      const opPtr = `/operations/${esc(name)}`;
      for (const k of OPERATION_EXPRESSIONS) add(`${opPtr}/${k}`, op[k]);
      if (!Array.isArray(op.steps)) continue;
      op.steps.forEach((step: unknown, i: number) => {
        if (!isObj(step)) return;
        const ptr = `${opPtr}/steps/${i}`;
        for (const k of STEP_EXPRESSIONS) add(`${ptr}/${k}`, step[k]);
        for (const k of ['query', 'headers'] as const) {
          const m = step[k];
          if (isObj(m)) for (const [name2, v] of Object.entries(m)) add(`${ptr}/${k}/${esc(name2)}`, v);
        }
        if (typeof step.path === 'string') {
          const split = splitPathTemplate(step.path);
          if ('parts' in split) {
            let n = 0;
            for (const part of split.parts) if ('expr' in part) out.push({ key: `${ptr}/path#${n++}`, pointer: `${ptr}/path`, source: part.expr });
          }
        }
      });
    }
  }
  if (isObj(def.inbound)) {
    add('/inbound/messages', def.inbound.messages);
    add('/inbound/messageId', def.inbound.messageId);
    if (Array.isArray(def.inbound.handlers)) {
      def.inbound.handlers.forEach((h: unknown, i: number) => {
        if (isObj(h)) for (const k of HANDLER_EXPRESSIONS) add(`/inbound/handlers/${i}/${k}`, h[k]);
      });
    }
  }
  return out;
}
