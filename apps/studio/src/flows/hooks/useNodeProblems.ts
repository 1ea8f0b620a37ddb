import { useMemo } from 'react';
import type { EditorFlowProblem } from '../model/editor-problem';
import { useProblems } from './useProblems';

/** Problems of node `id` (optionally only those at `path`, or under it with `within`). */
export function useNodeProblems(id: string | undefined, path?: string, within = false): EditorFlowProblem[] {
  const all = useProblems();
  return useMemo(
    () => all.filter((p) => p.nodeId === id && !p.edgeId && (path === undefined || (p.path ?? '') === path || (within && (p.path ?? '').startsWith(`${path}/`)))),
    [all, id, path, within],
  );
}
