import { localize } from './locale.js';
import type { UiSchema } from './json-schema.js';
import type { FieldDefinition, Locale } from './types.js';

/**
 * The @rjsf/core v6 UI schema of one field. Custom widget names the React layer
 * (packages/form-react) registers: `money` (edits yuan, stores fen), `phone`, `region`
 * (`ui:options.level`), `relation` (`ui:options.target/many/display`), `user`, `formula`
 * (read-only, `ui:options.resultType/scale`).
 */
export function compileFieldUiSchema(field: FieldDefinition, locale: Locale = 'zh-CN'): UiSchema {
  const ui: UiSchema = { ...widgetUi(field, locale) };
  if (field.placeholder) ui['ui:placeholder'] = localize(field.placeholder, locale);
  if (field.description) ui['ui:help'] = localize(field.description, locale);
  return ui;
}

function widgetUi(field: FieldDefinition, locale: Locale): UiSchema {
  switch (field.type) {
    case 'textarea':
      return { 'ui:widget': 'textarea' };
    case 'number':
      return field.scale !== undefined ? { 'ui:options': { scale: field.scale } } : {};
    case 'money':
      return { 'ui:widget': 'money', 'ui:options': { currency: 'CNY', unit: 'fen' } };
    case 'select':
      return { 'ui:widget': 'select', 'ui:enumNames': field.options.map((o) => localize(o.label, locale)) };
    case 'multiselect':
      return { 'ui:widget': 'checkboxes', items: { 'ui:enumNames': field.options.map((o) => localize(o.label, locale)) } };
    case 'date':
      return { 'ui:widget': 'date' };
    case 'datetime':
      return { 'ui:widget': 'datetime' };
    case 'phone':
      return { 'ui:widget': 'phone', 'ui:options': { inputType: 'tel' } };
    case 'email':
      return { 'ui:widget': 'email' };
    case 'region':
      return { 'ui:widget': 'region', 'ui:options': { level: field.level } };
    case 'relation': {
      const options: Record<string, unknown> = { target: field.target, many: field.many === true };
      if (field.display !== undefined) options.display = field.display;
      return { 'ui:widget': 'relation', 'ui:options': options };
    }
    case 'user':
      return { 'ui:widget': 'user' };
    case 'subtable':
      return { items: compileObjectUiSchema(field.fields, locale), 'ui:options': { orderable: false } };
    case 'linkparam':
      return { 'ui:widget': 'hidden', 'ui:options': { linkParam: field.linkParam } };
    case 'autonumber':
      return { 'ui:readonly': true, 'ui:options': { mode: field.mode } };
    case 'formula': {
      const options: Record<string, unknown> = { resultType: field.resultType };
      if (field.scale !== undefined) options.scale = field.scale;
      return { 'ui:widget': 'formula', 'ui:readonly': true, 'ui:options': options };
    }
    default:
      return {};
  }
}

/**
 * The UI schema of an object made of `fields`: `ui:order` in definition order, one entry per key.
 * @internal
 */
export function compileObjectUiSchema(fields: readonly FieldDefinition[], locale: Locale): UiSchema {
  const ui: UiSchema = { 'ui:order': fields.map((f) => f.key) };
  for (const f of fields) {
    ui[f.key] = compileFieldUiSchema(f, locale);
  }
  return ui;
}
