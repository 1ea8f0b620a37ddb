/** A JSON Schema `type` name. */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/**
 * The subset of JSON Schema 2020-12 that compileForm emits. Kept open (`[keyword: string]`)
 * so consumers (rjsf, OpenAPI) can pass it on unchanged.
 */
export interface JsonSchema {
  $schema?: string;
  /** One type, or a list (formula fields are `[resultType, 'null']`). */
  type?: JsonSchemaType | JsonSchemaType[];
  title?: string;
  description?: string;
  default?: unknown;
  readOnly?: boolean;
  enum?: readonly string[];
  format?: string;
  formatMinimum?: string;
  formatMaximum?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  [keyword: string]: unknown;
}

/** An @rjsf/core v6 UI schema: `ui:*` keys plus one nested UI schema per property. */
export interface UiSchema {
  'ui:order'?: string[];
  'ui:widget'?: string;
  'ui:options'?: Record<string, unknown>;
  'ui:placeholder'?: string;
  'ui:help'?: string;
  'ui:readonly'?: boolean;
  'ui:enumNames'?: string[];
  items?: UiSchema;
  [key: string]: unknown;
}

/** What compileForm returns. */
export interface CompiledForm {
  schema: JsonSchema;
  uiSchema: UiSchema;
}
