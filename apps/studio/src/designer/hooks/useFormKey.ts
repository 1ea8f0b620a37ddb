import { useAppContext } from '../store/app-context';

const selectFormKey = (s: { formKey: string }) => s.formKey;

/** The stored key of the draft being designed (before any unsaved rename). */
export function useFormKey(): string {
  return useAppContext(selectFormKey);
}
