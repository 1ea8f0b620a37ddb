/**
 * The syntax rules of identifiers in a form definition, shared by the definition validator,
 * the field factory and the studio (which imports them to validate as people type).
 */

/** Field id: stable internal name, also the base of the storage column name. */
export const FIELD_ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;
/** Field key and form key: the stable API name. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
/** Public form URL slug. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Name of a public link query parameter (`ref`, `code`, `utm_source`…). */
export const LINK_PARAM_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
/** Mainland China mobile number (as a JSON Schema `pattern` string). */
export const PHONE_PATTERN = '^1[3-9]\\d{9}$';
/** A 6-digit GB/T 2260 division code (as a JSON Schema `pattern` string). */
export const REGION_CODE_PATTERN = '^\\d{6}$';
/** Autonumber prefix: printable, no spaces (it becomes part of bill numbers). */
export const AUTONUMBER_PREFIX_PATTERN = /^[A-Za-z0-9_\-/.#]{0,16}$/;

/**
 * Keys and ids a field may not take because records carry them as system columns
 * (`id`, `createdAt`, `updatedAt` in the API; snake_case in storage), or because JavaScript
 * objects inherit them (`constructor`).
 */
export const RESERVED_NAMES: readonly string[] = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'constructor'];

/**
 * Length cap applied to text fields that declare no `maxLength`, so an anonymous public form
 * cannot be used to store megabytes per record.
 */
export const DEFAULT_MAX_LENGTH = { text: 1000, textarea: 20000, linkparam: 200 } as const;

/** Longest formula expression accepted (characters). */
export const FORMULA_MAX_LENGTH = 4000;
