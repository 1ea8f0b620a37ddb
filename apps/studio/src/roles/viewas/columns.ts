import type { FieldDefinition, FormDefinition } from '@kiln/engine-forms';

/** A column of the "view as" records preview: a field of the form, or a key only the records have. */
export interface PreviewColumn {
  key: string;
  field?: FieldDefinition;
}

const SKIP = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'formVersion']);

/**
 * The columns of the records preview: the form's fields in their order, without sub-tables and
 * without the fields the user may not see — those `hidden` says, and (once records came back)
 * those no record carries, since the server leaves hidden fields out. Keys the records carry
 * that the draft form does not know come last.
 */
export function previewColumns(form: FormDefinition | undefined, items: readonly Record<string, unknown>[], hidden: readonly string[] = []): PreviewColumn[] {
  const present = new Set(items.flatMap((r) => Object.keys(r)));
  const seen = (k: string) => items.length === 0 || present.has(k);
  const fields = (form?.fields ?? []).filter((f) => f.type !== 'subtable' && !hidden.includes(f.key) && seen(f.key));
  const known = new Set((form?.fields ?? []).map((f) => f.key));
  const extra = [...present].filter((k) => !known.has(k) && !SKIP.has(k) && !hidden.includes(k));
  return [...fields.map((f) => ({ key: f.key, field: f })), ...extra.map((key) => ({ key }))];
}

/** A cell's text: option labels for selects, yuan for money, names for related records, `—` for nothing. */
export function cellText(value: unknown, field: FieldDefinition | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field && (field.type === 'select' || field.type === 'multiselect')) {
    const label = (v: unknown) => {
      const o = field.options.find((x) => x.value === v);
      return o ? (locale === 'en' ? o.label.en : o.label['zh-CN']) || String(v) : String(v);
    };
    return Array.isArray(value) ? value.map(label).join(', ') : label(value);
  }
  if (field?.type === 'money' || (field?.type === 'formula' && field.resultType === 'money')) {
    return typeof value === 'number' ? `¥${(value / 100).toFixed(2)}` : String(value);
  }
  if (Array.isArray(value)) return value.map((v) => cellText(v, undefined, locale)).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const shown = o.display ?? o.name ?? o.label ?? o.id;
    return shown === undefined ? JSON.stringify(value) : String(shown);
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value);
}

/** The raw value of a cell as a `data-value` attribute (ids of objects, JSON of the rest). */
export function cellValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    return id === undefined ? JSON.stringify(value) : String(id);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
