import type { Token } from './token-decorations';

const KEYWORDS = new Set(['and', 'or', 'in', 'function']);
const ATOMS = new Set(['true', 'false', 'null']);
const SCOPE = new Set(['input', 'key', 'steps', 'response', 'result', 'delivery', 'message', 'headers', 'query', 'body']);

/**
 * Splits a JSONata expression into coloured tokens: strings, numbers, `$functions` and
 * `$variables`, keywords, the scope's root names, comments and operators. A scanner rather than
 * a grammar: it only colours, the engine's parser reports the errors.
 */
export function jsonataTokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out.push({ from: i, to: Math.min(j + 1, text.length), cls: 'tok-string' });
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const j = end < 0 ? text.length : end + 2;
      out.push({ from: i, to: j, cls: 'tok-comment' });
      i = j;
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const j = end < 0 ? text.length : end + 1;
      out.push({ from: i, to: j, cls: 'tok-prop' });
      i = j;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i))!;
      out.push({ from: i, to: i + m[0].length, cls: 'tok-number' });
      i += m[0].length;
    } else if (c === '$') {
      const m = /^\$[A-Za-z0-9_$]*/.exec(text.slice(i))!;
      const isCall = text[i + m[0].length] === '(';
      out.push({ from: i, to: i + m[0].length, cls: isCall ? 'tok-helper' : 'tok-fact' });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))!;
      const w = m[0];
      const prev = i > 0 ? text[i - 1] : '';
      const cls = KEYWORDS.has(w) ? 'tok-keyword' : ATOMS.has(w) ? 'tok-atom' : prev !== '.' && SCOPE.has(w) ? 'tok-fact' : 'tok-var';
      out.push({ from: i, to: i + w.length, cls });
      i += w.length;
    } else if (/[-+*/%&=!<>?:~|^]/.test(c)) {
      out.push({ from: i, to: i + 1, cls: 'tok-op' });
      i++;
    } else i++;
  }
  return out;
}
