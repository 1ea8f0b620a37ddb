import type { DefinitionProblem } from '@kiln/engine-forms';
import { useMemo } from 'react';
import { liveProblems } from '../model/live-problems';
import { useDefinition } from './useDefinition';
import { useOtherForms } from './useOtherForms';

/** Problems of the current definition from `validateFormDefinition`, recomputed as it changes. */
export function useLiveProblems(): DefinitionProblem[] {
  const def = useDefinition();
  const others = useOtherForms();
  const ctx = useMemo(() => {
    const formFieldKeys: Record<string, string[]> = {};
    for (const [k, d] of Object.entries(others)) formFieldKeys[k] = (d.fields ?? []).map((f) => f.key);
    formFieldKeys[def.key] = def.fields.map((f) => f.key);
    return { formKeys: Object.keys(formFieldKeys).sort(), formFieldKeys };
  }, [others, def.key, def.fields]);
  return liveProblems(def, ctx.formKeys, ctx.formFieldKeys);
}
