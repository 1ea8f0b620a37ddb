import type { Token } from '../../connectors/editor/token-decorations';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'contains', 'subtree', 'descendants']);
const ATOMS = new Set(['true', 'false', 'null']);

/**
 * Splits a row policy into coloured tokens (the `.tok-*` classes of the expression theme):
 * strings, numbers, `$user…` references, keywords, literals, operators and field names. It only
 * colours; `parsePolicy` reports what is wrong.
 */
export function policyTokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out.push({ from: i, to: Math.min(j + 1, text.length), cls: 'tok-string' });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i))!;
      out.push({ from: i, to: i + m[0].length, cls: 'tok-number' });
      i += m[0].length;
    } else if (c === '$') {
      const m = /^\$[A-Za-z0-9_]*(\.[A-Za-z0-9_]*)?/.exec(text.slice(i))!;
      out.push({ from: i, to: i + m[0].length, cls: 'tok-fact' });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const w = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))![0];
      const lower = w.toLowerCase();
      const cls = KEYWORDS.has(lower) ? (lower === 'subtree' || lower === 'descendants' ? 'tok-helper' : 'tok-keyword') : ATOMS.has(lower) ? 'tok-atom' : 'tok-prop';
      out.push({ from: i, to: i + w.length, cls });
      i += w.length;
    } else if (/[=!<>,()[\]]/.test(c)) {
      out.push({ from: i, to: i + 1, cls: 'tok-op' });
      i++;
    } else i++;
  }
  return out;
}
