import type { FormDefinition } from '@kiln/engine-forms';
import { useDefinitionStore } from '../store/definition-store';

const selectDefinition = (s: { definition: FormDefinition }) => s.definition;

/** The definition being designed. */
export function useDefinition(): FormDefinition {
  return useDefinitionStore(selectDefinition);
}
