import type { FieldDefinition, LocalizedText } from '@kiln/engine-forms';

/**
 * The property panel edits a flat record (`label-zh`, `min-length`, …) — one formily field
 * per property, whose name is also its test id `prop-<name>`. This maps between that record
 * and the field definition.
 */
export type PanelValues = Record<string, unknown>;

const LOCALIZED: Record<string, [keyof FieldDefinition, keyof LocalizedText]> = {
  'label-zh': ['label', 'zh-CN'],
  'label-en': ['label', 'en'],
  'description-zh': ['description', 'zh-CN'],
  'description-en': ['description', 'en'],
  'placeholder-zh': ['placeholder', 'zh-CN'],
  'placeholder-en': ['placeholder', 'en'],
};

const RENAMED: Record<string, string> = {
  'link-param': 'linkParam',
  'min-length': 'minLength',
  'max-length': 'maxLength',
  'min-items': 'minItems',
  'max-items': 'maxItems',
  'min-rows': 'minRows',
  'max-rows': 'maxRows',
  'result-type': 'resultType',
};

const PLAIN = [
  'key', 'required', 'unique', 'default', 'min', 'max', 'pattern', 'integer', 'scale', 'level',
  'target', 'many', 'display', 'mode', 'prefix', 'digits', 'length', 'options', 'expression',
];

/** The panel record of a field. */
export function toPanelValues(field: FieldDefinition): PanelValues {
  const f = field as unknown as Record<string, unknown>;
  const out: PanelValues = {};
  for (const [name, [prop, lang]] of Object.entries(LOCALIZED)) {
    out[name] = (f[prop] as LocalizedText | undefined)?.[lang] ?? '';
  }
  for (const [name, prop] of Object.entries(RENAMED)) out[name] = f[prop];
  for (const name of PLAIN) out[name] = f[name];
  return out;
}

/** Applies one panel property to a field; empty values remove the property. */
export function applyPanelValue(field: FieldDefinition, name: string, value: unknown): FieldDefinition {
  const next = { ...field } as unknown as Record<string, unknown>;
  const loc = LOCALIZED[name];
  if (loc) {
    const [prop, lang] = loc;
    const text = { 'zh-CN': '', en: '', ...(next[prop] as LocalizedText | undefined), [lang]: String(value ?? '') };
    if (prop === 'label' || text['zh-CN'] || text.en) next[prop] = text;
    else delete next[prop];
    return next as unknown as FieldDefinition;
  }
  const prop = RENAMED[name] ?? name;
  // Required string properties stay present (as '') so the definition keeps its shape.
  const keepEmpty = prop === 'key' || prop === 'target' || prop === 'expression' || (prop === 'linkParam' && field.type === 'linkparam');
  if (value === undefined || value === null || value === '') {
    if (keepEmpty) next[prop] = '';
    else delete next[prop];
  } else {
    next[prop] = value;
  }
  return next as unknown as FieldDefinition;
}
