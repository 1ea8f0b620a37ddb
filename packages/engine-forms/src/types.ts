/**
 * The stored shape of a form definition. This is the metadata a business analyst edits in the
 * studio, that is versioned on publish, exported to files, and compiled to JSON Schema.
 *
 * Identity is by stable `id` (never by label); `key` is the stable API name used by records,
 * rules, reports and templates. Renaming a label never changes either.
 */

/** A text shown to people in both UI languages. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/** The UI languages Kiln speaks. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every field type a form can hold. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'boolean',
  'select',
  'multiselect',
  'date',
  'datetime',
  'phone',
  'email',
  'region',
  'relation',
  'user',
  'subtable',
  'linkparam',
  'autonumber',
  'formula',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** What a formula field can produce; each has the API value shape of the field type of the same name. */
export const FORMULA_RESULT_TYPES = ['number', 'money', 'text', 'boolean', 'date', 'datetime'] as const;
export type FormulaResultType = (typeof FORMULA_RESULT_TYPES)[number];

/** One choice of a select / multi-select. `value` is stored; `label` is shown. */
export interface SelectOption {
  value: string;
  label: LocalizedText;
}

/** Properties every field has. */
export interface FieldBase {
  /** Stable internal id, `^[a-z][a-z0-9_]{0,31}$`; never changes once published (storage column name derives from it). */
  id: string;
  /** Stable API key, `^[a-z][a-z0-9_]{0,62}$`; unique within the form (or within a sub-table). */
  key: string;
  type: FieldType;
  label: LocalizedText;
  /** Help text under the input. */
  description?: LocalizedText;
  required?: boolean;
  /** Unique across all records of the form; enforced by a database unique index. Scalar types only. */
  unique?: boolean;
  /** Default value, in the field's API value shape. */
  default?: unknown;
  /**
   * Fill this field from a public link query parameter of this name (e.g. `ref`, `code`, `channel`).
   * Any scalar field may declare it; `linkparam` fields must.
   */
  linkParam?: string;
  /** Placeholder text for inputs. */
  placeholder?: LocalizedText;
}

export interface TextField extends FieldBase {
  type: 'text' | 'textarea';
  minLength?: number;
  maxLength?: number;
  /** ECMAScript regular expression (unicode flag) the whole value must match. */
  pattern?: string;
}

export interface NumberField extends FieldBase {
  type: 'number';
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** Digits after the decimal point shown/allowed (0–6). */
  scale?: number;
}

/** Money: the API value is an integer number of fen (minor units); shown as yuan. */
export interface MoneyField extends FieldBase {
  type: 'money';
  /** Bounds in fen. */
  min?: number;
  max?: number;
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
}

export interface SelectField extends FieldBase {
  type: 'select' | 'multiselect';
  options: SelectOption[];
  /** multiselect only */
  minItems?: number;
  maxItems?: number;
}

export interface DateField extends FieldBase {
  type: 'date' | 'datetime';
  /** ISO date (`YYYY-MM-DD`) or date-time bounds. */
  min?: string;
  max?: string;
}

/** Mainland China mobile number, 11 digits starting with 1[3-9]. */
export interface PhoneField extends FieldBase {
  type: 'phone';
}

export interface EmailField extends FieldBase {
  type: 'email';
}

/** A GB/T 2260 division code (6 digits); `level` says how deep the picker goes. */
export interface RegionField extends FieldBase {
  type: 'region';
  level: 'province' | 'city' | 'district';
}

/** A reference to records of another form of the same app (by that form's key). */
export interface RelationField extends FieldBase {
  type: 'relation';
  target: string;
  /** Many related records (value is an array of ids) instead of one. */
  many?: boolean;
  /** Target field key shown in pickers and lists (default: the target's first text field). */
  display?: string;
}

/** A platform user (value is the user's id). */
export interface UserField extends FieldBase {
  type: 'user';
}

/** Rows of fields (e.g. order lines). Sub-table fields cannot themselves be sub-tables. */
export interface SubtableField extends FieldBase {
  type: 'subtable';
  fields: FieldDefinition[];
  minRows?: number;
  maxRows?: number;
}

/** A hidden text value that only comes from the public link's query parameter `linkParam`. */
export interface LinkParamField extends FieldBase {
  type: 'linkparam';
  linkParam: string;
  maxLength?: number;
  pattern?: string;
}

/**
 * A value the server assigns on create and nobody edits:
 * `sequence` → prefix + zero-padded counter (e.g. `ORD-000042`);
 * `shortcode` → `length` random characters from an unambiguous alphabet (e.g. referral codes).
 */
export interface AutoNumberField extends FieldBase {
  type: 'autonumber';
  mode: 'sequence' | 'shortcode';
  prefix?: string;
  /** sequence: zero-padded width (default 6) */
  digits?: number;
  /** shortcode: length (default 6, 4–16) */
  length?: number;
}

/**
 * A value computed by the server from the record's other fields at every write (like a
 * spreadsheet formula). `expression` is a rule-language expression (engine-rules) whose facts
 * are `record` (the other field values by key), e.g. `money.pct(record.amount, 5)`. Clients
 * never set it: the record validator drops sent values. Top-level only; never required,
 * unique, defaulted or filled from a link parameter. The value is `null` when the expression
 * fails or yields nothing.
 */
export interface FormulaField extends FieldBase {
  type: 'formula';
  /** The expression, at most 4000 characters. */
  expression: string;
  /** The shape of the computed value: money in integer fen, date `YYYY-MM-DD`, datetime ISO. */
  resultType: FormulaResultType;
  /** number results: digits after the decimal point kept and shown (0–6). */
  scale?: number;
}

export type FieldDefinition =
  | TextField
  | NumberField
  | MoneyField
  | BooleanField
  | SelectField
  | DateField
  | PhoneField
  | EmailField
  | RegionField
  | RelationField
  | UserField
  | SubtableField
  | LinkParamField
  | AutoNumberField
  | FormulaField;

/** Settings of a form's public (anonymous) page at `/f/{slug}`. */
export interface PublicFormSettings {
  enabled: boolean;
  /** URL slug, `^[a-z0-9][a-z0-9-]{0,62}$`, unique across the installation. */
  slug: string;
  /**
   * De-duplication key: field keys whose values together identify a submission
   * (e.g. `["phone", "code"]` = one submission per phone per campaign code).
   * A second submission with the same values answers 200 with the first one's id.
   */
  dedupe?: string[];
  /** Per-client rate limit for submissions. */
  rateLimit?: { max: number; perSeconds: number };
  /** Shown after a successful submission. */
  successMessage?: LocalizedText;
}

/** A form: the unit of data entry and of record storage. */
export interface FormDefinition {
  /** Semantics version of this definition format (see conventions #9). */
  formatVersion: 1;
  /** Stable key within the app, `^[a-z][a-z0-9_]{0,62}$`. */
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  fields: FieldDefinition[];
  public?: PublicFormSettings;
}

/** A problem found in a definition: where (JSON pointer into the definition), what, and a message. */
export interface DefinitionProblem {
  path: string;
  code: string;
  message: LocalizedText;
}

/** A validation error in submitted record data: field path (JSON pointer), stable code, message in the caller's language. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  /** Extra facts (limit, allowed values, …). */
  params?: Record<string, unknown>;
}
