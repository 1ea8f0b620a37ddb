import type { FieldType } from '@kiln/engine-forms';

const GLYPHS: Record<FieldType, string> = {
  text: 'T',
  textarea: '¶',
  number: '#',
  money: '¥',
  boolean: '✓',
  select: '◉',
  multiselect: '☰',
  date: 'D',
  datetime: '◷',
  phone: '☎',
  email: '@',
  region: '◎',
  relation: '⇄',
  user: '☺',
  subtable: '▦',
  linkparam: '⚲',
  autonumber: '№',
  formula: 'ƒx',
};

/** A compact glyph for a field type (no icon font needed). */
export function FieldIcon({ type }: { type: FieldType }) {
  return (
    <span className={`field-icon field-icon-${type}`} aria-hidden>
      {GLYPHS[type] ?? '?'}
    </span>
  );
}
