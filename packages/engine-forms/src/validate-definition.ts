import { createAjv } from './ajv-factory.js';
import { compileFieldSchema } from './compile-field-schema.js';
import { formErrorText, type FormErrorCode } from './errors.js';
import { FIELD_TYPE_INFO, isScalarField } from './field-type-info.js';
import { isFormulaResultType } from './formula.js';
import {
  AUTONUMBER_PREFIX_PATTERN,
  FIELD_ID_PATTERN,
  FORMULA_MAX_LENGTH,
  KEY_PATTERN,
  LINK_PARAM_PATTERN,
  RESERVED_NAMES,
  SLUG_PATTERN,
} from './patterns.js';
import { isRegionCode, REGION_LEVELS, type RegionLevel } from './region.js';
import { FIELD_TYPES, type DefinitionProblem, type FieldDefinition, type FieldType } from './types.js';

/** What the definition validator needs to know about the rest of the app / installation. */
export interface DefinitionContext {
  /** Keys of the app's forms (drafts being published included); relation targets must be one of them. */
  formKeys: string[];
  /** Optional: field keys per form key, to check a relation's `display` field exists. */
  formFieldKeys?: Record<string, string[]>;
  /** Optional: public slugs used by other forms of the installation. */
  takenSlugs?: string[];
}

type Obj = Record<string, unknown>;

/**
 * Checks a form definition before it is published and returns every problem found (empty when
 * valid). Accepts `unknown` (drafts are stored JSON) and never throws.
 *
 * Labels: the zh-CN text is required for the form title, every field and every option; English
 * may be empty and falls back to the Chinese text at display time (see `localize`).
 *
 * Each problem has a JSON pointer into the definition (`/fields/3/options/1/value`), a stable
 * `FORM_DEF_*` code from FORM_ERRORS and a bilingual message.
 */
export function validateFormDefinition(def: unknown, ctx: DefinitionContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, code: FormErrorCode, params: Obj = {}) => problems.push({ path, code, message: formErrorText(code, params) });

  if (!isObj(def)) {
    add('', 'FORM_DEF_INVALID', { detail: 'not an object' });
    return problems;
  }
  if (def.formatVersion !== 1) add('/formatVersion', 'FORM_DEF_FORMAT_VERSION', { value: JSON.stringify(def.formatVersion) });
  if (typeof def.key !== 'string' || !KEY_PATTERN.test(def.key)) add('/key', 'FORM_DEF_KEY_SYNTAX', { value: String(def.key) });
  checkLabel(def.title, '/title', add);
  if (!Array.isArray(def.fields)) {
    add('/fields', 'FORM_DEF_INVALID', { detail: 'fields must be an array' });
    return problems;
  }

  const ajv = createAjv({ useDefaults: false });
  const ids = new Map<string, string>();
  const linkParams = new Set<string>();
  checkFieldList(def.fields, '/fields', false);

  if (def.public !== undefined) checkPublic(def.public, def.fields);
  return problems;

  function checkFieldList(list: unknown[], base: string, inSubtable: boolean): void {
    const keys = new Set<string>();
    list.forEach((raw, i) => {
      const path = `${base}/${i}`;
      if (!isObj(raw)) {
        add(path, 'FORM_DEF_INVALID', { detail: 'a field must be an object' });
        return;
      }
      if (typeof raw.id !== 'string' || !FIELD_ID_PATTERN.test(raw.id)) add(`${path}/id`, 'FORM_DEF_ID_SYNTAX', { value: String(raw.id) });
      else if (RESERVED_NAMES.includes(raw.id)) add(`${path}/id`, 'FORM_DEF_RESERVED', { value: raw.id });
      else if (ids.has(raw.id)) add(`${path}/id`, 'FORM_DEF_DUPLICATE_ID', { value: raw.id });
      else ids.set(raw.id, path);

      if (typeof raw.key !== 'string' || !KEY_PATTERN.test(raw.key)) add(`${path}/key`, 'FORM_DEF_KEY_SYNTAX', { value: String(raw.key) });
      else if (RESERVED_NAMES.includes(raw.key)) add(`${path}/key`, 'FORM_DEF_RESERVED', { value: raw.key });
      else if (keys.has(raw.key)) add(`${path}/key`, 'FORM_DEF_DUPLICATE_KEY', { value: raw.key });
      else keys.add(raw.key);

      checkLabel(raw.label, `${path}/label`, add);
      if (!(FIELD_TYPES as readonly unknown[]).includes(raw.type)) {
        add(`${path}/type`, 'FORM_DEF_UNKNOWN_TYPE', { value: String(raw.type) });
        return;
      }
      checkField(raw as Obj & { type: FieldType }, path, inSubtable);
    });
  }

  function checkField(f: Obj & { type: FieldType }, path: string, inSubtable: boolean): void {
    if (f.type === 'formula') {
      checkFormula(f, path);
      return;
    }
    const type = f.type;
    const info = FIELD_TYPE_INFO[type];
    const structureProblems = problems.length;

    if (f.unique === true) {
      if (inSubtable) add(`${path}/unique`, 'FORM_DEF_UNIQUE_IN_SUBTABLE');
      else if (!info.supportsUnique || !isScalarField({ type, many: f.many === true })) add(`${path}/unique`, 'FORM_DEF_UNIQUE_NOT_SCALAR', { type });
    }
    if (f.linkParam !== undefined || type === 'linkparam') checkLinkParam(f, path, inSubtable);

    switch (type) {
      case 'text':
      case 'textarea':
      case 'linkparam':
        checkNonNegInt(f, 'minLength', path);
        checkNonNegInt(f, 'maxLength', path);
        checkRange(f, 'minLength', 'maxLength', path);
        if (f.pattern !== undefined) checkPattern(f.pattern, `${path}/pattern`);
        break;
      case 'number':
      case 'money':
        for (const k of ['min', 'max'] as const) {
          if (f[k] !== undefined && (typeof f[k] !== 'number' || !Number.isFinite(f[k]) || (type === 'money' && !Number.isInteger(f[k])))) {
            add(`${path}/${k}`, 'FORM_DEF_BAD_NUMBER', { what: k, expected: type === 'money' ? 'an integer (fen)' : 'a number' });
          }
        }
        checkRange(f, 'min', 'max', path);
        if (type === 'number' && f.scale !== undefined && !(Number.isInteger(f.scale) && (f.scale as number) >= 0 && (f.scale as number) <= 6)) {
          add(`${path}/scale`, 'FORM_DEF_BAD_NUMBER', { what: 'scale', expected: '0–6' });
        }
        break;
      case 'select':
      case 'multiselect':
        checkOptions(f.options, `${path}/options`);
        if (type === 'multiselect') {
          checkNonNegInt(f, 'minItems', path);
          checkNonNegInt(f, 'maxItems', path);
          checkRange(f, 'minItems', 'maxItems', path);
        }
        break;
      case 'date':
      case 'datetime': {
        const format = type === 'date' ? 'date' : 'date-time';
        for (const k of ['min', 'max'] as const) {
          if (f[k] !== undefined && (typeof f[k] !== 'string' || !ajv.validate({ type: 'string', format }, f[k]))) {
            add(`${path}/${k}`, 'FORM_DEF_BAD_NUMBER', { what: k, expected: type === 'date' ? 'YYYY-MM-DD' : 'ISO 8601 date-time with time zone' });
          }
        }
        if (typeof f.min === 'string' && typeof f.max === 'string' && problems.length === structureProblems) {
          if (Date.parse(f.min) > Date.parse(f.max)) add(`${path}/min`, 'FORM_DEF_RANGE', { what: 'min/max', min: f.min, max: f.max });
        }
        break;
      }
      case 'region':
        if (!(REGION_LEVELS as readonly unknown[]).includes(f.level)) add(`${path}/level`, 'FORM_DEF_REGION_LEVEL', { value: String(f.level) });
        break;
      case 'relation':
        if (typeof f.target !== 'string' || !ctx.formKeys.includes(f.target)) add(`${path}/target`, 'FORM_DEF_RELATION_TARGET', { value: String(f.target) });
        else if (f.display !== undefined && ctx.formFieldKeys?.[f.target] && !ctx.formFieldKeys[f.target].includes(String(f.display))) {
          add(`${path}/display`, 'FORM_DEF_RELATION_DISPLAY', { value: String(f.display) });
        }
        break;
      case 'subtable':
        if (inSubtable) add(`${path}/type`, 'FORM_DEF_SUBTABLE_NESTED');
        else if (!Array.isArray(f.fields) || f.fields.length === 0) add(`${path}/fields`, 'FORM_DEF_SUBTABLE_EMPTY');
        else {
          f.fields.forEach((sub, j) => {
            if (isObj(sub) && (sub.type === 'linkparam' || sub.type === 'autonumber' || sub.type === 'formula')) add(`${path}/fields/${j}/type`, 'FORM_DEF_SUBTABLE_FIELD', { type: sub.type });
          });
          checkFieldList(f.fields, `${path}/fields`, true);
        }
        checkNonNegInt(f, 'minRows', path);
        checkNonNegInt(f, 'maxRows', path);
        checkRange(f, 'minRows', 'maxRows', path);
        break;
      case 'autonumber':
        checkAutonumber(f, path);
        break;
      default:
        break;
    }

    if (f.default !== undefined) {
      if (type === 'autonumber') add(`${path}/default`, 'FORM_DEF_DEFAULT_NOT_ALLOWED', { type });
      else if (problems.length === structureProblems) checkDefault(f as unknown as FieldDefinition, `${path}/default`);
    }
  }

  function checkDefault(f: FieldDefinition, path: string): void {
    let ok: boolean;
    let detail = '';
    try {
      const validate = ajv.compile(compileFieldSchema(f));
      ok = validate(f.default) === true;
      if (!ok) detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ');
    } catch (e) {
      ok = false;
      detail = e instanceof Error ? e.message : String(e);
    }
    if (ok && f.type === 'region' && !isRegionCode(f.default, f.level as RegionLevel)) {
      ok = false;
      detail = `no ${f.level} with code ${String(f.default)}`;
    }
    if (!ok) add(path, 'FORM_DEF_DEFAULT_INVALID', { detail });
  }

  function checkOptions(options: unknown, path: string): void {
    if (!Array.isArray(options) || options.length === 0) {
      add(path, 'FORM_DEF_NO_OPTIONS');
      return;
    }
    const seen = new Set<string>();
    options.forEach((o, i) => {
      const p = `${path}/${i}`;
      if (!isObj(o) || typeof o.value !== 'string' || o.value === '') {
        add(`${p}/value`, 'FORM_DEF_OPTION_VALUE');
        return;
      }
      if (seen.has(o.value)) add(`${p}/value`, 'FORM_DEF_DUPLICATE_OPTION', { value: o.value });
      seen.add(o.value);
      checkLabel(o.label, `${p}/label`, add);
    });
  }

  function checkPattern(pattern: unknown, path: string): void {
    if (typeof pattern !== 'string') {
      add(path, 'FORM_DEF_PATTERN_INVALID', { detail: 'not a string' });
      return;
    }
    try {
      new RegExp(pattern, 'u');
    } catch (e) {
      add(path, 'FORM_DEF_PATTERN_INVALID', { detail: e instanceof Error ? e.message : String(e) });
    }
  }

  function checkLinkParam(f: Obj & { type: FieldType }, path: string, inSubtable: boolean): void {
    if (f.linkParam === undefined || f.linkParam === '') {
      add(`${path}/linkParam`, 'FORM_DEF_LINKPARAM_MISSING');
      return;
    }
    if (typeof f.linkParam !== 'string' || !LINK_PARAM_PATTERN.test(f.linkParam)) {
      add(`${path}/linkParam`, 'FORM_DEF_LINKPARAM_SYNTAX', { value: String(f.linkParam) });
      return;
    }
    if (inSubtable || !isScalarField({ type: f.type, many: f.many === true }) || f.type === 'autonumber') {
      if (f.type !== 'linkparam') add(`${path}/linkParam`, 'FORM_DEF_LINKPARAM_NOT_SCALAR', { type: f.type });
      return;
    }
    if (linkParams.has(f.linkParam)) add(`${path}/linkParam`, 'FORM_DEF_LINKPARAM_DUPLICATE', { value: f.linkParam });
    linkParams.add(f.linkParam);
  }

  function checkAutonumber(f: Obj, path: string): void {
    if (f.mode !== 'sequence' && f.mode !== 'shortcode') add(`${path}/mode`, 'FORM_DEF_AUTONUMBER', { detail: `mode ${JSON.stringify(f.mode)}` });
    if (f.prefix !== undefined && (typeof f.prefix !== 'string' || !AUTONUMBER_PREFIX_PATTERN.test(f.prefix))) {
      add(`${path}/prefix`, 'FORM_DEF_AUTONUMBER', { detail: `prefix ${JSON.stringify(f.prefix)}` });
    }
    if (f.digits !== undefined && !isIntIn(f.digits, 1, 12)) add(`${path}/digits`, 'FORM_DEF_AUTONUMBER', { detail: `digits ${JSON.stringify(f.digits)} (1–12)` });
    if (f.length !== undefined && !isIntIn(f.length, 4, 16)) add(`${path}/length`, 'FORM_DEF_AUTONUMBER', { detail: `length ${JSON.stringify(f.length)} (4–16)` });
  }

  /** A formula: its expression and result type; none of the properties of typed-in values. */
  function checkFormula(f: Obj, path: string): void {
    const expr = f.expression;
    if (typeof expr !== 'string' || expr.trim() === '' || expr.length > FORMULA_MAX_LENGTH) {
      add(`${path}/expression`, 'FORM_DEF_FORMULA_EXPRESSION', { limit: FORMULA_MAX_LENGTH });
    }
    if (!isFormulaResultType(f.resultType)) add(`${path}/resultType`, 'FORM_DEF_FORMULA_RESULT_TYPE', { value: String(f.resultType) });
    if (f.scale !== undefined && !isIntIn(f.scale, 0, 6)) add(`${path}/scale`, 'FORM_DEF_BAD_NUMBER', { what: 'scale', expected: '0–6' });
    for (const property of ['required', 'unique'] as const) {
      if (f[property] === true) add(`${path}/${property}`, 'FORM_DEF_FORMULA_PROPERTY', { property });
    }
    for (const property of ['default', 'linkParam'] as const) {
      if (f[property] !== undefined) add(`${path}/${property}`, 'FORM_DEF_FORMULA_PROPERTY', { property });
    }
  }

  function checkNonNegInt(f: Obj, k: string, path: string): void {
    if (f[k] !== undefined && !isIntIn(f[k], 0, Number.MAX_SAFE_INTEGER)) add(`${path}/${k}`, 'FORM_DEF_BAD_NUMBER', { what: k, expected: 'a whole number ≥ 0' });
  }

  function checkRange(f: Obj, minKey: string, maxKey: string, path: string): void {
    const min = f[minKey];
    const max = f[maxKey];
    if (typeof min === 'number' && typeof max === 'number' && min > max) add(`${path}/${minKey}`, 'FORM_DEF_RANGE', { what: `${minKey}/${maxKey}`, min, max });
  }

  function checkPublic(pub: unknown, fields: unknown[]): void {
    if (!isObj(pub)) {
      add('/public', 'FORM_DEF_INVALID', { detail: 'public must be an object' });
      return;
    }
    if (typeof pub.slug !== 'string' || !SLUG_PATTERN.test(pub.slug)) add('/public/slug', 'FORM_DEF_SLUG_SYNTAX', { value: String(pub.slug) });
    else if (ctx.takenSlugs?.includes(pub.slug)) add('/public/slug', 'FORM_DEF_SLUG_TAKEN', { value: pub.slug });
    if (pub.dedupe !== undefined) {
      if (!Array.isArray(pub.dedupe)) add('/public/dedupe', 'FORM_DEF_INVALID', { detail: 'dedupe must be an array of field keys' });
      else {
        pub.dedupe.forEach((k, i) => {
          const f = fields.find((x) => isObj(x) && x.key === k);
          if (!isObj(f) || !(FIELD_TYPES as readonly unknown[]).includes(f.type) || !isScalarField({ type: f.type as FieldType, many: f.many === true })) {
            add(`/public/dedupe/${i}`, 'FORM_DEF_DEDUPE_FIELD', { value: String(k) });
          }
        });
      }
    }
    if (pub.rateLimit !== undefined) {
      const rl = pub.rateLimit;
      if (!isObj(rl) || !isIntIn(rl.max, 1, Number.MAX_SAFE_INTEGER) || !isIntIn(rl.perSeconds, 1, Number.MAX_SAFE_INTEGER)) add('/public/rateLimit', 'FORM_DEF_RATE_LIMIT');
    }
    if (pub.successMessage !== undefined) checkLabel(pub.successMessage, '/public/successMessage', add);
  }
}

function checkLabel(label: unknown, path: string, add: (path: string, code: FormErrorCode, params?: Obj) => void): void {
  if (!isObj(label) || typeof label['zh-CN'] !== 'string' || label['zh-CN'].trim() === '') {
    add(`${path}/zh-CN`, 'FORM_DEF_LABEL_MISSING');
  } else if (label.en !== undefined && typeof label.en !== 'string') {
    add(`${path}/en`, 'FORM_DEF_INVALID', { detail: 'en label must be a string' });
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIntIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
