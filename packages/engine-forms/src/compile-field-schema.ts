import { formulaValueSchema } from './formula.js';
import { localize } from './locale.js';
import { DEFAULT_MAX_LENGTH, PHONE_PATTERN, REGION_CODE_PATTERN } from './patterns.js';
import type { JsonSchema } from './json-schema.js';
import type { FieldDefinition, Locale } from './types.js';

/**
 * The JSON Schema 2020-12 of one field's API value. Value shapes: text-like → string;
 * number → number (integer when `integer`); money → integer fen; select → string `enum`
 * (labels go to the UI schema's `ui:enumNames`); multiselect → array of unique enum strings;
 * date → `format: date`; datetime → `format: date-time`, bounds as `formatMinimum` /
 * `formatMaximum` (ajv-formats keywords); phone → pattern; region → 6-digit code (existence is
 * checked by the record validator, not the schema); relation / user → integer id(s) ≥ 1;
 * subtable → array of closed objects; autonumber → read-only string; formula → read-only
 * value of its result type or `null` (see formulaValueSchema).
 */
export function compileFieldSchema(field: FieldDefinition, locale: Locale = 'zh-CN'): JsonSchema {
  const s: JsonSchema = { ...valueSchema(field, locale), title: localize(field.label, locale) };
  if (field.description) s.description = localize(field.description, locale);
  if (field.default !== undefined && !isServerAssigned(field)) s.default = field.default;
  return s;
}

function valueSchema(field: FieldDefinition, locale: Locale): JsonSchema {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return stringSchema(field.minLength, field.maxLength ?? DEFAULT_MAX_LENGTH[field.type], field.pattern);
    case 'linkparam':
      return stringSchema(undefined, field.maxLength ?? DEFAULT_MAX_LENGTH.linkparam, field.pattern);
    case 'number':
      return withBounds({ type: field.integer ? 'integer' : 'number' }, field.min, field.max);
    case 'money':
      return withBounds({ type: 'integer' }, field.min, field.max);
    case 'boolean':
      return { type: 'boolean' };
    case 'select':
      return { type: 'string', enum: field.options.map((o) => o.value) };
    case 'multiselect': {
      const s: JsonSchema = { type: 'array', items: { type: 'string', enum: field.options.map((o) => o.value) }, uniqueItems: true };
      if (field.minItems !== undefined) s.minItems = field.minItems;
      if (field.maxItems !== undefined) s.maxItems = field.maxItems;
      return s;
    }
    case 'date':
    case 'datetime': {
      const s: JsonSchema = { type: 'string', format: field.type === 'date' ? 'date' : 'date-time' };
      if (field.min !== undefined) s.formatMinimum = field.min;
      if (field.max !== undefined) s.formatMaximum = field.max;
      return s;
    }
    case 'phone':
      return { type: 'string', pattern: PHONE_PATTERN };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'region':
      return { type: 'string', pattern: REGION_CODE_PATTERN };
    case 'relation':
      return field.many ? { type: 'array', items: idSchema(), uniqueItems: true } : idSchema();
    case 'user':
      return idSchema();
    case 'subtable': {
      const s: JsonSchema = { type: 'array', items: compileObjectSchema(field.fields, locale, true) };
      if (field.minRows !== undefined) s.minItems = field.minRows;
      if (field.maxRows !== undefined) s.maxItems = field.maxRows;
      return s;
    }
    case 'autonumber':
      return { type: 'string', readOnly: true };
    case 'formula':
      return formulaValueSchema(field);
  }
}

/** Autonumbers and formulas: the server assigns the value, so they are never required or defaulted. */
function isServerAssigned(field: FieldDefinition): boolean {
  return field.type === 'autonumber' || field.type === 'formula';
}

/**
 * A closed object schema with one property per field, keyed by `key`. Autonumber and formula
 * fields are never `required` (the server assigns them).
 * @internal
 */
export function compileObjectSchema(fields: readonly FieldDefinition[], locale: Locale, withRequired: boolean): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const f of fields) {
    properties[f.key] = compileFieldSchema(f, locale);
    if (withRequired && f.required && !isServerAssigned(f)) required.push(f.key);
  }
  const s: JsonSchema = { type: 'object', properties, additionalProperties: false };
  if (required.length > 0) s.required = required;
  return s;
}

function idSchema(): JsonSchema {
  return { type: 'integer', minimum: 1 };
}

function stringSchema(minLength: number | undefined, maxLength: number | undefined, pattern: string | undefined): JsonSchema {
  const s: JsonSchema = { type: 'string' };
  if (minLength !== undefined) s.minLength = minLength;
  if (maxLength !== undefined) s.maxLength = maxLength;
  if (pattern !== undefined && pattern !== '') s.pattern = pattern;
  return s;
}

function withBounds(s: JsonSchema, min: number | undefined, max: number | undefined): JsonSchema {
  if (min !== undefined) s.minimum = min;
  if (max !== undefined) s.maximum = max;
  return s;
}
