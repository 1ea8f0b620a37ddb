import { FIELD_TYPE_INFO, type FieldType } from '@kiln/engine-forms';
import { pick } from '../../ui/localized';

/** The display name of a field type in `locale`, from the engine's FIELD_TYPE_INFO. */
export function typeLabel(type: FieldType, locale: string): string {
  return pick(FIELD_TYPE_INFO[type]?.label, locale, type);
}
