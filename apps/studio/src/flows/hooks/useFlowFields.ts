import type { FieldDefinition } from '@kiln/engine-forms';
import { fieldsOf } from '../../rules/model/form-fields';
import { useFlow } from './useFlow';
import { useForms } from './useForms';

/** Top-level fields of the flow's form (what `record.` holds in its expressions). */
export function useFlowFields(): FieldDefinition[] {
  return fieldsOf(useForms(), useFlow().form);
}
