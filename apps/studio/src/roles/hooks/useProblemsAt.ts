import { useMemo } from 'react';
import type { EditorRoleProblem } from '../model/editor-problem';
import { useProblems } from './useProblems';

/** The role's problems at pointer `path` (or, with `within`, anywhere below it). */
export function useProblemsAt(path: string, within = false): EditorRoleProblem[] {
  const all = useProblems();
  return useMemo(() => all.filter((p) => p.path === path || (within && p.path.startsWith(`${path}/`))), [all, path, within]);
}
