import type { TFunction } from 'i18next';
import type { FieldDefinition } from '@kiln/engine-forms';
import { pick } from '../../ui/localized';

/** `<select>` options of translated values: `flows.<group>.<value>`. */
export function optionsOf(values: readonly string[], group: string, t: TFunction): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: t(`flows.${group}.${value}`) }));
}

/** `<select>` options of fields (label and key). */
export function fieldOptions(fields: readonly FieldDefinition[], locale: string): { value: string; label: string }[] {
  return fields.map((f) => ({ value: f.key, label: `${pick(f.label, locale, f.key)} (${f.key})` }));
}
