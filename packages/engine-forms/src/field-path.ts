import { localize } from './locale.js';
import type { FieldDefinition, Locale } from './types.js';

/** Escapes one JSON pointer segment (RFC 6901). @internal */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits a JSON pointer into unescaped segments. @internal */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The field a record-data pointer lands in, and how to name it in a message. @internal */
export interface FieldAtPath {
  field?: FieldDefinition;
  /** "数量" or, inside a sub-table row, "明细第 2 行的数量" / "Qty in row 2 of Lines". */
  label: string;
}

const ROOT_LABEL = { 'zh-CN': '记录', en: 'The record' } as const;

/**
 * Resolves a pointer into record data (`/lines/0/qty`) to the field definition it addresses.
 * Pointers below a non-subtable field (`/tags/1`) resolve to that field.
 * @internal
 */
export function fieldAtPath(fields: readonly FieldDefinition[], pointer: string, locale: Locale): FieldAtPath {
  const segs = splitPointer(pointer);
  if (segs.length === 0) return { label: ROOT_LABEL[locale] };
  const top = fields.find((f) => f.key === segs[0]);
  if (!top) return { label: segs[0] };
  const topLabel = localize(top.label, locale);
  if (top.type !== 'subtable' || segs.length < 3) return { field: top, label: topLabel };
  const row = Number(segs[1]) + 1;
  const cell = top.fields.find((f) => f.key === segs[2]);
  if (!cell) return { field: top, label: topLabel };
  const cellLabel = localize(cell.label, locale);
  const label = locale === 'zh-CN' ? `${topLabel}第 ${row} 行的${cellLabel}` : `${cellLabel} in row ${row} of ${topLabel}`;
  return { field: cell, label };
}
