/**
 * @kiln/engine-forms — form definitions compiled to JSON Schema 2020-12 + @rjsf UI schema,
 * record validation with stable error codes, definition checks for publish, money and region
 * helpers. Pure: no I/O, no Node built-ins; runs on the server and in the browser.
 */

// ---- types ----
export type {
  AutoNumberField,
  BooleanField,
  DateField,
  DefinitionProblem,
  EmailField,
  FieldBase,
  FieldDefinition,
  FieldError,
  FieldType,
  FormDefinition,
  FormulaField,
  FormulaResultType,
  LinkParamField,
  Locale,
  LocalizedText,
  MoneyField,
  NumberField,
  PhoneField,
  PublicFormSettings,
  RegionField,
  RelationField,
  SelectField,
  SelectOption,
  SubtableField,
  TextField,
  UserField,
} from './types.js';
export type { CompiledForm, JsonSchema, JsonSchemaType, UiSchema } from './json-schema.js';
export type { CompileFormOptions } from './compile-form.js';
export type { RecordValidationContext, RecordValidationResult, RecordValidator, RecordValidatorOptions } from './record-validator.js';
export type { DefinitionContext } from './validate-definition.js';
export type { FieldCategory, FieldTypeInfo } from './field-type-info.js';
export type { FormErrorCode, FormErrorInfo } from './errors.js';
export type { Region, RegionLevel } from './region.js';

// ---- values ----
export { FIELD_TYPES, FORMULA_RESULT_TYPES, LOCALES } from './types.js';
export { compileForm, JSON_SCHEMA_2020_12 } from './compile-form.js';
export { compileFieldSchema } from './compile-field-schema.js';
export { compileFieldUiSchema } from './compile-ui-schema.js';
export { createRecordValidator } from './record-validator.js';
export { validateFormDefinition } from './validate-definition.js';
export { FIELD_CATEGORIES, FIELD_TYPE_INFO } from './field-type-info.js';
export { createField, newFieldId } from './create-field.js';
export { formulaValueField, isFormulaResultType } from './formula.js';
export { FORM_ERRORS, formErrorMessage, formErrorText, formErrorsMarkdown } from './errors.js';
export { formatFen, parseYuan } from './money.js';
export {
  REGION_LEVEL_LABELS,
  REGION_LEVELS,
  isRegionCode,
  regionByCode,
  regionChildren,
  regionName,
  regionProvinces,
} from './region.js';
export { DEFAULT_LOCALE, localize } from './locale.js';
export {
  DEFAULT_MAX_LENGTH,
  FIELD_ID_PATTERN,
  FORMULA_MAX_LENGTH,
  KEY_PATTERN,
  LINK_PARAM_PATTERN,
  PHONE_PATTERN,
  REGION_CODE_PATTERN,
  RESERVED_NAMES,
  SLUG_PATTERN,
} from './patterns.js';
