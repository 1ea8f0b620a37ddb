import { useMemo } from 'react';
import type { EditorConnectorProblem } from '../model/editor-problem';
import { useProblems } from './useProblems';

/** Problems whose pointer is `path` — or, with `within`, also those below it. */
export function useProblemsAt(path: string, within = false): EditorConnectorProblem[] {
  const all = useProblems();
  return useMemo(() => all.filter((p) => p.path === path || (within && p.path.startsWith(`${path}/`))), [all, path, within]);
}
