import type { FormDefinition } from '@kiln/engine-forms';
import { useFlowContext, type FlowContextState } from '../store/flow-context';

const selectForms = (s: FlowContextState) => s.forms;

/** The app's draft forms, by key. */
export function useForms(): Record<string, FormDefinition> {
  return useFlowContext(selectForms);
}
