/**
 * A problem as the rule editor shows it: from the live check, from a refused publish, or from
 * the last test run. `path` is normalized (list elements by index, see problem-paths.ts).
 */
export interface EditorProblem {
  source: 'check' | 'publish' | 'test';
  path: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
  line?: number;
  column?: number;
  from?: number;
  to?: number;
}
