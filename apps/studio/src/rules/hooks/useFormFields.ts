import type { FieldDefinition } from '@kiln/engine-forms';
import { fieldsOf } from '../model/form-fields';
import { useForms } from './useForms';

/** Top-level fields of draft form `form` (empty when the form is unknown or not chosen). */
export function useFormFields(form: string | undefined): FieldDefinition[] {
  return fieldsOf(useForms(), form);
}
