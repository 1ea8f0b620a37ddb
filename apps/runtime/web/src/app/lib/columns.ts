import { formatFen, formulaValueField, localize, regionName, type FieldDefinition, type Locale } from '@kiln/engine-forms';

/** A column of the record list. */
export interface Column {
  key: string;
  label: string;
  field?: FieldDefinition;
  sortable: boolean;
  numeric: boolean;
}

/** Mirrors the runtime's sortable rule: no JSON, array or join columns, no long text. */
function sortable(f: FieldDefinition): boolean {
  if (f.type === 'subtable' || f.type === 'multiselect' || f.type === 'textarea') return false;
  if (f.type === 'relation' && f.many) return false;
  return true;
}

/** Columns for a form: id, every field in definition order, then the creation time. */
export function columnsOf(fields: readonly FieldDefinition[], locale: Locale, t: (k: string) => string): Column[] {
  return [
    { key: 'id', label: t('records.id'), sortable: true, numeric: true },
    ...fields.map((f) => ({
      key: f.key,
      label: localize(f.label, locale),
      field: f,
      sortable: sortable(f),
      numeric: isNumeric(f),
    })),
    { key: 'createdAt', label: t('records.createdAt'), sortable: true, numeric: false },
  ];
}

/** Right-aligned columns: numbers and money, also as formula results. */
function isNumeric(f: FieldDefinition): boolean {
  const v = f.type === 'formula' ? formulaValueField(f) : f;
  return v.type === 'number' || v.type === 'money';
}

function formatDateTime(v: string, locale: Locale): string {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? v : d.toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * The text of one cell: money as yuan, regions by name, selects by option label, relations by
 * their label when known (`labels`), else `#id`; formulas like a value of their result type.
 */
export function formatCell(
  value: unknown,
  col: Column,
  locale: Locale,
  t: (k: string, o?: Record<string, unknown>) => string,
  labels?: Map<number, string>,
): string {
  if (value === undefined || value === null || value === '') return '';
  const f = col.field?.type === 'formula' ? formulaValueField(col.field) : col.field;
  if (!f) return col.key === 'createdAt' || col.key === 'updatedAt' ? formatDateTime(String(value), locale) : String(value);
  switch (f.type) {
    case 'money':
      return typeof value === 'number' ? formatFen(value, locale) : String(value);
    case 'region':
      return regionName(String(value)) || String(value);
    case 'select':
      return localize(f.options.find((o) => o.value === value)?.label, locale) || String(value);
    case 'multiselect':
      return Array.isArray(value) ? value.map((v) => localize(f.options.find((o) => o.value === v)?.label, locale) || String(v)).join(', ') : String(value);
    case 'boolean':
      return value === true ? t('common.yes') : t('common.no');
    case 'datetime':
      return formatDateTime(String(value), locale);
    case 'relation': {
      const ids = Array.isArray(value) ? value : [value];
      return ids.map((id) => labels?.get(Number(id)) ?? `#${String(id)}`).join(', ');
    }
    case 'user':
      return `#${String(value)}`;
    case 'subtable':
      return Array.isArray(value) ? t('records.rows', { count: value.length }) : '';
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
