import type { JsonSchema } from './json-schema.js';
import { FORMULA_RESULT_TYPES, type FieldDefinition, type FormulaField, type FormulaResultType } from './types.js';

/** Whether `v` is one of FORMULA_RESULT_TYPES. */
export function isFormulaResultType(v: unknown): v is FormulaResultType {
  return (FORMULA_RESULT_TYPES as readonly unknown[]).includes(v);
}

/**
 * The field a formula's value behaves like: a field of its result type (`text` → `text`) with
 * the formula's id, key and labels (and `scale` for numbers). Use it to format, filter and
 * sort formula values exactly like typed-in values of that type.
 *
 * @example
 * formulaValueField({ id: 'f_t', key: 'total', type: 'formula', label, expression: '…', resultType: 'money' })
 * // → { id: 'f_t', key: 'total', type: 'money', label }
 */
export function formulaValueField(field: FormulaField): FieldDefinition {
  const base = { id: field.id, key: field.key, label: field.label, ...(field.description ? { description: field.description } : {}) };
  switch (field.resultType) {
    case 'number':
      return { ...base, type: 'number', ...(field.scale !== undefined ? { scale: field.scale } : {}) };
    case 'money':
    case 'boolean':
    case 'date':
    case 'datetime':
      return { ...base, type: field.resultType };
    default:
      return { ...base, type: 'text' };
  }
}

/**
 * The JSON Schema of a formula's API value: read-only, of its result type or `null` (the server
 * stores `null` when the expression fails or yields nothing). An unknown result type (an
 * unchecked draft) gives a read-only schema without a type.
 * @internal
 */
export function formulaValueSchema(field: FormulaField): JsonSchema {
  switch (field.resultType) {
    case 'number':
      return { type: ['number', 'null'], readOnly: true };
    case 'money':
      return { type: ['integer', 'null'], readOnly: true };
    case 'text':
      return { type: ['string', 'null'], readOnly: true };
    case 'boolean':
      return { type: ['boolean', 'null'], readOnly: true };
    case 'date':
      return { type: ['string', 'null'], format: 'date', readOnly: true };
    case 'datetime':
      return { type: ['string', 'null'], format: 'date-time', readOnly: true };
    default:
      return { readOnly: true };
  }
}
