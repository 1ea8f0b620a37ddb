import type { Token } from './token-decorations';

/** Splits JSON text into coloured tokens: property names, strings, numbers, atoms. */
export function jsonTokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /"(?:[^"\\]|\\.)*"?|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\btrue\b|\bfalse\b|\bnull\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = m[0];
    let cls = 'tok-number';
    if (s.startsWith('"')) cls = /^\s*:/.test(text.slice(m.index + s.length)) ? 'tok-prop-key' : 'tok-string';
    else if (!/^-?\d/.test(s)) cls = 'tok-atom';
    out.push({ from: m.index, to: m.index + s.length, cls });
  }
  return out;
}
