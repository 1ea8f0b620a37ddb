import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv-factory.js';
import { compileForm } from './compile-form.js';
import { escapePointer } from './field-path.js';
import { isRegionCode } from './region.js';
import { fieldError, mapAjvError, regionError } from './record-messages.js';
import type { JsonSchema } from './json-schema.js';
import type { FieldDefinition, FieldError, FormDefinition, Locale } from './types.js';

/** Options of createRecordValidator. */
export interface RecordValidatorOptions {
  /**
   * Accept values for autonumber fields instead of reporting FORM_FIELD_READONLY. For trusted
   * server-side writers only (app import, the runtime filling the number it assigned).
   * Formula values are dropped either way: the runtime computes them after validation.
   */
  allowReadOnly?: boolean;
}

/** Per-call context of `validate`. */
export interface RecordValidationContext {
  /** Language of the error messages. */
  locale: Locale;
  /** `create`: a whole record, defaults applied. `update`: a partial patch (PATCH semantics). */
  mode: 'create' | 'update';
}

/** The outcome of validating record data: the clean value, or every field error found. */
export type RecordValidationResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** A compiled validator for one form definition (cache it per published version). */
export interface RecordValidator {
  validate(data: unknown, ctx: RecordValidationContext): RecordValidationResult;
}

/**
 * Compiles the form's record schema with Ajv once and returns a validator for API input.
 *
 * - `create`: required fields must be present; defaults fill absent keys in the returned value.
 * - `update`: a patch: absent keys are left alone (no defaults), present keys must be valid;
 *   `null` clears a non-required field (kept as `null` in the value so the caller can clear the
 *   column). A sub-table value is always the whole array of whole rows (cell defaults apply).
 * - `null`, `""` (text-like) and `[]` (lists) count as empty: FORM_REQUIRED on required fields.
 * - Unknown keys → FORM_UNKNOWN_FIELD; autonumber keys → FORM_FIELD_READONLY.
 * - Formula keys are accepted and dropped, whatever their value (the server computes formulas
 *   after validation), so a client may send back a record as it read it.
 * - Region codes must exist at the field's level; numbers may not exceed their `scale`.
 *
 * Never throws for bad data; errors are plain data with JSON-pointer paths and messages in
 * `ctx.locale`. It throws only if the definition itself does not compile (an invalid `pattern`),
 * which validateFormDefinition rejects before publishing.
 *
 * @example
 * const v = createRecordValidator(def);
 * const r = v.validate({ phone: '123' }, { locale: 'en', mode: 'create' });
 * // r.ok === false; r.errors[0] → { path: '/phone', code: 'FORM_PHONE', message: 'Phone is not a valid mobile number' }
 */
export function createRecordValidator(def: FormDefinition, opts: RecordValidatorOptions = {}): RecordValidator {
  const { schema } = compileForm(def);
  // A patch: no `required`, no top-level defaults. Sub-table values are whole new rows, so
  // their cells keep both.
  const properties: Record<string, JsonSchema> = {};
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const { default: _unused, ...rest } = prop;
    properties[key] = rest;
  }
  const partial: JsonSchema = { ...schema, properties };
  delete partial.required;
  const validateCreate: ValidateFunction = createAjv({ useDefaults: true }).compile(schema);
  const validateUpdate: ValidateFunction = createAjv({ useDefaults: true }).compile(partial);
  const fields = def.fields;

  return {
    validate(data, ctx) {
      const { locale, mode } = ctx;
      if (!isPlainObject(data)) {
        return { ok: false, errors: [fieldError(fields, '', 'FORM_TYPE', locale, { expected: 'object' }, { expected: locale === 'zh-CN' ? '对象' : 'an object' })] };
      }
      const work = structuredClone(data);
      const errors: FieldError[] = [];
      const nulls: Array<[Record<string, unknown>, string]> = [];
      prepare(work, fields, '');

      const validateFn = mode === 'create' ? validateCreate : validateUpdate;
      if (!validateFn(work)) {
        for (const e of validateFn.errors ?? []) errors.push(mapAjvError(fields, e, locale));
      }
      const failed = new Set(errors.map((e) => e.path));
      postCheck(work, fields, '', failed);

      if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
      for (const [obj, key] of nulls) obj[key] = null;
      return { ok: true, value: work };

      /** Empty values and read-only keys, before Ajv sees the data. */
      function prepare(obj: Record<string, unknown>, fs: readonly FieldDefinition[], base: string): void {
        for (const f of fs) {
          if (!Object.hasOwn(obj, f.key)) continue;
          const path = `${base}/${escapePointer(f.key)}`;
          const v = obj[f.key];
          if (f.type === 'formula') {
            delete obj[f.key];
            continue;
          }
          if (f.type === 'autonumber' && !opts.allowReadOnly) {
            errors.push(fieldError(fields, path, 'FORM_FIELD_READONLY', locale));
            delete obj[f.key];
            continue;
          }
          if (isEmpty(f, v)) {
            if (f.required && f.type !== 'autonumber') {
              errors.push(fieldError(fields, path, 'FORM_REQUIRED', locale));
              delete obj[f.key];
              continue;
            }
            if (v === null) {
              delete obj[f.key];
              nulls.push([obj, f.key]);
              continue;
            }
          }
          if (f.type === 'subtable' && Array.isArray(v)) {
            v.forEach((row, i) => {
              if (isPlainObject(row)) prepare(row, f.fields, `${path}/${i}`);
            });
          }
        }
      }

      /** Checks JSON Schema cannot express: region existence, decimal places. */
      function postCheck(obj: Record<string, unknown>, fs: readonly FieldDefinition[], base: string, skip: Set<string>): void {
        for (const f of fs) {
          const v = Object.hasOwn(obj, f.key) ? obj[f.key] : undefined;
          const path = `${base}/${escapePointer(f.key)}`;
          if (v === undefined || v === null || skip.has(path)) continue;
          if (f.type === 'region' && typeof v === 'string' && !isRegionCode(v, f.level)) {
            errors.push(regionError(fields, path, f, locale));
          } else if (f.type === 'number' && f.scale !== undefined && typeof v === 'number' && decimals(v) > f.scale) {
            errors.push(fieldError(fields, path, 'FORM_SCALE', locale, { limit: f.scale }));
          } else if (f.type === 'subtable' && Array.isArray(v)) {
            v.forEach((row, i) => {
              if (isPlainObject(row)) postCheck(row, f.fields, `${path}/${i}`, skip);
            });
          }
        }
      }
    },
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmpty(f: FieldDefinition, v: unknown): boolean {
  if (v === null) return true;
  if (typeof v === 'string') return v.trim() === '' && f.type !== 'boolean';
  if (Array.isArray(v)) return v.length === 0 && (f.type === 'multiselect' || f.type === 'subtable' || f.type === 'relation');
  return false;
}

/** Digits after the decimal point of a finite number, as JavaScript prints it. */
function decimals(n: number): number {
  const s = String(Math.abs(n));
  const e = s.indexOf('e-');
  if (e >= 0) {
    const mantissa = s.slice(0, e);
    const dot = mantissa.indexOf('.');
    return Number(s.slice(e + 2)) + (dot >= 0 ? mantissa.length - dot - 1 : 0);
  }
  const dot = s.indexOf('.');
  return dot >= 0 ? s.length - dot - 1 : 0;
}

/** One error per path (the first: pre-checks before Ajv, Ajv in schema order). */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)));
}
