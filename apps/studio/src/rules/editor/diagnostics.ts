import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';

/** A problem an expression editor can underline (RuleProblem, RuleError and EditorProblem fit). */
export interface InlineProblem {
  path?: string;
  code?: string;
  message: string;
  severity?: 'error' | 'warning';
  line?: number;
  column?: number;
  from?: number;
  to?: number;
}

function rangeOf(doc: Text, p: InlineProblem): { from: number; to: number } {
  const len = doc.length;
  const clamp = (n: number) => Math.min(Math.max(n, 0), len);
  if (typeof p.from === 'number') {
    const from = clamp(p.from);
    let to = clamp(typeof p.to === 'number' ? Math.max(p.to, p.from) : p.from);
    if (to === from && from < len) to = from + 1;
    return { from, to };
  }
  if (typeof p.line === 'number' && p.line >= 1 && p.line <= doc.lines) {
    const line = doc.line(p.line);
    const from = clamp(line.from + Math.max((p.column ?? 1) - 1, 0));
    return { from, to: Math.max(from, line.to) };
  }
  return { from: 0, to: len };
}

/**
 * CodeMirror diagnostics for problems: their `from`/`to` offsets, else their line/column, else
 * the whole text.
 */
export function toDiagnostics(doc: Text, problems: readonly InlineProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    ...rangeOf(doc, p),
    severity: p.severity ?? 'error',
    message: p.message,
    ...(p.code ? { source: p.code } : {}),
  }));
}
