import type { FormDefinition } from '@kiln/engine-forms';
import { useAppContext } from '../store/app-context';

const selectOthers = (s: { others: Record<string, FormDefinition> }) => s.others;

/** Drafts of the app's other forms, by key. */
export function useOtherForms(): Record<string, FormDefinition> {
  return useAppContext(selectOthers);
}
