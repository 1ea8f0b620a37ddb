import type { Dimension, Filter, Measure } from '@kiln/engine-reports';
import type { TFunction } from 'i18next';
import { textOf } from './text';
import { findField, type PaletteField } from './palette';

/** The shown name of a field path: its palette label, else the path itself. */
export function fieldLabel(palette: readonly PaletteField[], path: string | undefined): string {
  if (!path) return '';
  const f = findField(palette, path);
  return f ? f.label : path;
}

/** A dimension's chip text: its label, else the field with its bucket or level (`Order date · month`). */
export function dimensionText(d: Dimension, palette: readonly PaletteField[], t: TFunction, locale: string): string {
  const own = textOf(d.label, locale);
  if (own) return own;
  const grain = d.bucket ? t(`reports.buckets.${d.bucket}`) : d.level ? t(`reports.levels.${d.level}`) : '';
  return grain ? `${fieldLabel(palette, d.field)} · ${grain}` : fieldLabel(palette, d.field);
}

/** A measure's chip text: its label, else the aggregate of its field (`Sum of Total`, `Count`). */
export function measureText(m: Measure, palette: readonly PaletteField[], t: TFunction, locale: string): string {
  const own = textOf(m.label, locale);
  if (own) return own;
  const agg = t(`reports.aggs.${m.agg}`);
  return m.field ? t('reports.aggOf', { agg, field: fieldLabel(palette, m.field) }) : agg;
}

/** A filter's chip text: field, operator, and the value or the bound parameter (`Status = paid`, `Date between {period}`). */
export function filterText(f: Filter, palette: readonly PaletteField[], t: TFunction): string {
  const op = t(`reports.opsShort.${f.op}`);
  const value = f.param ? `{${f.param}}` : f.op === 'null' || f.op === 'notnull' ? '' : Array.isArray(f.value) ? f.value.join(', ') : String(f.value ?? '');
  return `${fieldLabel(palette, f.field)} ${op} ${value}`.trim();
}
