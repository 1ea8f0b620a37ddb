import type { FieldDefinition } from '@kiln/engine-forms';
import type { ValueType } from '../model.js';
import type { Aggregate } from '../types.js';
import { bi, type Bilingual } from '../text.js';

/** System columns every record has, addressable by these keys. */
export const SYSTEM_FIELDS: Readonly<Record<string, { column: string; type: string; valueType: ValueType; label: Bilingual }>> = {
  id: { column: 'id', type: 'id', valueType: 'number', label: bi('ID', 'ID') },
  createdAt: { column: 'created_at', type: 'datetime', valueType: 'datetime', label: bi('创建时间', 'Created at') },
  updatedAt: { column: 'updated_at', type: 'datetime', valueType: 'datetime', label: bi('更新时间', 'Updated at') },
  createdBy: { column: 'created_by', type: 'user', valueType: 'relation', label: bi('创建人', 'Created by') },
};

/** The report value type of a form field (undefined: a sub-table, only readable through unnest). */
export function valueTypeOfField(field: FieldDefinition): ValueType | undefined {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'money':
      return 'money';
    case 'boolean':
      return 'boolean';
    case 'select':
    case 'multiselect':
      return 'select';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'region':
      return 'region';
    case 'relation':
    case 'user':
      return 'relation';
    case 'subtable':
      return undefined;
    case 'formula':
      return field.resultType === 'text' ? 'text' : field.resultType;
    default:
      return 'text';
  }
}

/** The SQL cast for a sub-table value read from JSON (`(l.v->>'qty')::numeric`). */
export function jsonCastOf(field: FieldDefinition): string | undefined {
  switch (field.type) {
    case 'number':
      return 'numeric';
    case 'money':
    case 'user':
      return 'bigint';
    case 'relation':
      return field.many ? undefined : 'bigint';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamptz';
    case 'multiselect':
    case 'subtable':
      return undefined;
    case 'formula':
      return { number: 'numeric', money: 'bigint', boolean: 'boolean', date: 'date', datetime: 'timestamptz', text: 'text' }[field.resultType];
    default:
      return 'text';
  }
}

/** Aggregates that fit a value type (`groupable` false: multi-selects, many-relations). */
export function aggregatesFor(valueType: ValueType, groupable: boolean): Aggregate[] {
  if (!groupable) return ['count'];
  switch (valueType) {
    case 'number':
    case 'money':
      return ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'];
    case 'date':
    case 'datetime':
      return ['count', 'count_distinct', 'min', 'max'];
    default:
      return ['count', 'count_distinct'];
  }
}
