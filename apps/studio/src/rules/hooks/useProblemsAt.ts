import { useMemo } from 'react';
import type { EditorProblem } from '../model/editor-problem';
import { useProblems } from './useProblems';

/**
 * Problems whose path is `path` — or, with `within`, also those below it (`/actions/2` holds
 * `/actions/2/values/total`).
 */
export function useProblemsAt(path: string, within = false): EditorProblem[] {
  const all = useProblems();
  return useMemo(() => all.filter((p) => p.path === path || (within && p.path.startsWith(`${path}/`))), [all, path, within]);
}
