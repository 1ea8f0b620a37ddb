import type { ErrorObject } from 'ajv';
import { formErrorMessage, type FormErrorCode } from './errors.js';
import { fieldAtPath } from './field-path.js';
import { formatFen } from './money.js';
import { REGION_LEVEL_LABELS } from './region.js';
import { escapePointer } from './field-path.js';
import type { FieldDefinition, FieldError, Locale } from './types.js';

const TYPE_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'a number' },
  integer: { 'zh-CN': '整数', en: 'a whole number' },
  boolean: { 'zh-CN': '是或否（true/false）', en: 'true or false' },
  array: { 'zh-CN': '列表', en: 'a list' },
  object: { 'zh-CN': '对象', en: 'an object' },
  money: { 'zh-CN': '以分为单位的整数金额', en: 'a whole number of fen' },
  id: { 'zh-CN': '记录 ID（正整数）', en: 'a record id (positive whole number)' },
};

const FORMAT_NAMES: Record<string, { 'zh-CN': string; en: string }> = {
  date: { 'zh-CN': '日期（YYYY-MM-DD）', en: 'date (YYYY-MM-DD)' },
  'date-time': { 'zh-CN': '日期时间（ISO 8601，含时区）', en: 'date-time (ISO 8601 with time zone)' },
  email: { 'zh-CN': '邮箱地址', en: 'email address' },
};

/**
 * Builds one FieldError: resolves the field for the label, fills the registry template.
 * `params` are returned to the caller; `display` only feeds the message.
 * @internal
 */
export function fieldError(
  fields: readonly FieldDefinition[],
  path: string,
  code: FormErrorCode,
  locale: Locale,
  params: Record<string, unknown> = {},
  display: Record<string, unknown> = {},
): FieldError {
  const { label } = fieldAtPath(fields, path, locale);
  const message = formErrorMessage(code, locale, { ...params, ...display, label });
  const e: FieldError = { path, code, message };
  if (Object.keys(params).length > 0) e.params = params;
  return e;
}

/**
 * Maps one Ajv error to a Kiln FieldError with a stable code; the field type refines generic
 * keywords (a failed `pattern` on a phone field is FORM_PHONE).
 * @internal
 */
export function mapAjvError(fields: readonly FieldDefinition[], err: ErrorObject, locale: Locale): FieldError {
  const p = err.params as Record<string, unknown>;
  let path = err.instancePath;
  if (err.keyword === 'required') path += `/${escapePointer(String(p.missingProperty))}`;
  if (err.keyword === 'additionalProperties') path += `/${escapePointer(String(p.additionalProperty))}`;
  const field = fieldAtPath(fields, path, locale).field;
  const make = (code: FormErrorCode, params: Record<string, unknown> = {}, display: Record<string, unknown> = {}) =>
    fieldError(fields, path, code, locale, params, display);
  const limitDisplay = (limit: unknown) => (field?.type === 'money' && typeof limit === 'number' ? formatFen(limit, locale) : limit);

  switch (err.keyword) {
    case 'required':
      return make('FORM_REQUIRED');
    case 'additionalProperties':
      return make('FORM_UNKNOWN_FIELD', { key: p.additionalProperty });
    case 'type': {
      const expected = String(p.type);
      const name = field?.type === 'money' ? 'money' : field?.type === 'relation' || field?.type === 'user' ? 'id' : expected;
      return make('FORM_TYPE', { expected }, { expected: (TYPE_NAMES[name] ?? TYPE_NAMES.string)[locale] });
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return make('FORM_MIN', { limit: p.limit }, { limit: limitDisplay(p.limit) });
    case 'maximum':
    case 'exclusiveMaximum':
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return make('FORM_MAX', { limit: p.limit }, { limit: limitDisplay(p.limit) });
    case 'minLength':
      return make('FORM_MIN_LENGTH', { limit: p.limit });
    case 'maxLength':
      return make('FORM_MAX_LENGTH', { limit: p.limit });
    case 'minItems':
      return make('FORM_MIN_ITEMS', { limit: p.limit });
    case 'maxItems':
      return make('FORM_MAX_ITEMS', { limit: p.limit });
    case 'uniqueItems':
      return make('FORM_UNIQUE_ITEMS');
    case 'enum':
      return make('FORM_ENUM', { allowed: p.allowedValues });
    case 'pattern':
      if (field?.type === 'phone') return make('FORM_PHONE');
      if (field?.type === 'region') return regionError(fields, path, field, locale);
      return make('FORM_PATTERN', { pattern: p.pattern });
    case 'format':
      if (field?.type === 'email') return make('FORM_EMAIL');
      return make('FORM_FORMAT', { format: p.format }, { format: (FORMAT_NAMES[String(p.format)] ?? { 'zh-CN': String(p.format), en: String(p.format) })[locale] });
    default:
      return make('FORM_INVALID', { keyword: err.keyword });
  }
}

/** FORM_REGION for a region field at `path`. @internal */
export function regionError(fields: readonly FieldDefinition[], path: string, field: FieldDefinition, locale: Locale): FieldError {
  const level = field.type === 'region' ? field.level : 'district';
  return fieldError(fields, path, 'FORM_REGION', locale, { level }, { level: REGION_LEVEL_LABELS[level][locale] });
}
