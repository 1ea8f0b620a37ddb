import { useMemo } from 'react';
import { fieldIdAtPath } from '../model/problem-paths';
import { useDefinition } from './useDefinition';
import { useFormKey } from './useFormKey';
import { useLiveProblems } from './useLiveProblems';
import { useServerProblems } from './useServerProblems';

/** Ids of the fields that a live or server problem points at (to highlight them). */
export function useProblemFieldIds(): Set<string> {
  const def = useDefinition();
  const live = useLiveProblems();
  const server = useServerProblems();
  const formKey = useFormKey();
  return useMemo(() => {
    const ids = new Set<string>();
    for (const p of live) {
      const id = fieldIdAtPath(def, p.path);
      if (id) ids.add(id);
    }
    for (const p of server) {
      if (p.kind !== 'forms' && p.kind !== 'form') continue;
      if (p.key !== formKey && p.key !== def.key) continue;
      const id = fieldIdAtPath(def, p.path);
      if (id) ids.add(id);
    }
    return ids;
  }, [def, live, server, formKey]);
}
