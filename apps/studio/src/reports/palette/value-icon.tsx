import type { FieldType } from '@kiln/engine-forms';
import type { ValueType } from '@kiln/engine-reports';
import { FieldIcon } from '../../designer/canvas/field-icon';

/** The form designer's glyph of the field type that holds such values. */
const TYPE_OF: Record<ValueType, FieldType> = {
  number: 'number',
  money: 'money',
  text: 'text',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  region: 'region',
  relation: 'relation',
  select: 'select',
};

/** A palette field's icon by its value type (formula fields and computed columns show what they produce). */
export function ValueIcon({ valueType }: { valueType: ValueType }) {
  return <FieldIcon type={TYPE_OF[valueType] ?? 'text'} />;
}
