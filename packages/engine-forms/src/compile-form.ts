import { compileObjectSchema } from './compile-field-schema.js';
import { compileObjectUiSchema } from './compile-ui-schema.js';
import { DEFAULT_LOCALE, localize } from './locale.js';
import type { CompiledForm } from './json-schema.js';
import type { FormDefinition, Locale } from './types.js';

/** The `$schema` of every compiled form. */
export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** Options of compileForm. */
export interface CompileFormOptions {
  /** Language of titles, descriptions, option labels and placeholders (default zh-CN). */
  locale?: Locale;
}

/**
 * Compiles a form definition to a JSON Schema 2020-12 for its records and an @rjsf/core v6 UI
 * schema. Pure and deterministic; cheap enough to call per request, but callers usually cache
 * per published version and locale. The definition should have passed validateFormDefinition.
 *
 * @example
 * const { schema, uiSchema } = compileForm(def, { locale: 'en' });
 * // schema.properties.phone → { type: 'string', pattern: '^1[3-9]\\d{9}$', title: 'Phone' }
 */
export function compileForm(def: FormDefinition, opts: CompileFormOptions = {}): CompiledForm {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const schema = {
    $schema: JSON_SCHEMA_2020_12,
    ...compileObjectSchema(def.fields, locale, true),
    title: localize(def.title, locale),
  };
  if (def.description) schema.description = localize(def.description, locale);
  return { schema, uiSchema: compileObjectUiSchema(def.fields, locale) };
}
