import type { DatasetField, Dataset } from '@kiln/engine-reports';
import { isDimensionWell, type WellId } from './wells';

/** One entry of the field palette, as `datasetFields` describes it. */
export type PaletteField = DatasetField;

/** Palette groups, in the order they are shown. */
export const PALETTE_GROUPS = ['fields', 'relations', 'subtable', 'computed'] as const;
export type PaletteGroup = (typeof PALETTE_GROUPS)[number];

/**
 * The group of a field path: `$x` a computed column, `<unnest>.x` the unnested sub-table,
 * `a.b` through a relation, else a field of the form.
 */
export function groupOf(path: string, dataset: Pick<Dataset, 'unnest'>): PaletteGroup {
  if (path.startsWith('$')) return 'computed';
  if (dataset.unnest && path.startsWith(`${dataset.unnest}.`)) return 'subtable';
  return path.includes('.') ? 'relations' : 'fields';
}

/** The palette filtered by a search text (label or path, case-insensitive), grouped. */
export function groupPalette(fields: readonly PaletteField[], dataset: Pick<Dataset, 'unnest'>, query: string): [PaletteGroup, PaletteField[]][] {
  const q = query.trim().toLowerCase();
  const hit = (f: PaletteField) => !q || f.path.toLowerCase().includes(q) || f.label.toLowerCase().includes(q);
  const groups = new Map<PaletteGroup, PaletteField[]>(PALETTE_GROUPS.map((g) => [g, []]));
  for (const f of fields) if (hit(f)) groups.get(groupOf(f.path, dataset))!.push(f);
  return [...groups].filter(([, list]) => list.length > 0);
}

/** The palette entry of a path, if the dataset has it. */
export function findField(fields: readonly PaletteField[], path: string | undefined): PaletteField | undefined {
  return path === undefined ? undefined : fields.find((f) => f.path === path);
}

/** Whether a field may go into a well: dimensions need a groupable field, measures one with aggregates; any field filters. */
export function fitsWell(f: PaletteField, well: WellId): boolean {
  if (isDimensionWell(well)) return f.canGroup;
  if (well === 'measures') return f.aggregates.length > 0;
  return true;
}

/** True when a field holds numbers a measure can sum (number, money, numeric computed columns). */
export function isNumeric(f: PaletteField | undefined): boolean {
  return !!f && (f.aggregates as readonly string[]).includes('sum');
}
