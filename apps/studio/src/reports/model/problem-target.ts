import type { ReportDefinition } from '@kiln/engine-reports';
import type { Selection } from './selection';

/** The settings sections a problem can point at (`data-section` in the designer). */
export type ReportSection = 'name' | 'dataset' | 'dimensions' | 'measures' | 'filters' | 'visual' | 'params' | 'sort' | 'drill' | 'columns';

/** Where a problem shows: on a chip / parameter / column, or on a section. */
export type ProblemTarget = { selection: Selection; section?: undefined } | { selection?: undefined; section: ReportSection };

/**
 * A problem path as a JSON pointer: pointers are kept, dotted paths (`measures[1].den`,
 * `dataset.filters.0`) are converted.
 */
export function toPointer(path: string | undefined): string {
  if (!path) return '';
  if (path.startsWith('/')) return path;
  return `/${path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).join('/')}`;
}

const SECTION_OF: Record<string, ReportSection> = {
  name: 'name',
  description: 'name',
  key: 'name',
  dataset: 'dataset',
  dimensions: 'dimensions',
  measures: 'measures',
  visual: 'visual',
  params: 'params',
  sort: 'sort',
  limit: 'sort',
  topN: 'sort',
  drill: 'drill',
  timeZone: 'name',
};

/** The chip, parameter, computed column or section a problem's path is about. */
export function problemTarget(def: ReportDefinition, path: string): ProblemTarget {
  const [head, a, b] = toPointer(path).split('/').slice(1);
  const i = Number(head === 'dataset' ? b : a);
  if (head === 'dimensions' && def.dimensions[i]) return { selection: { kind: 'dimension', id: def.dimensions[i].id } };
  if (head === 'measures' && def.measures[i]) return { selection: { kind: 'measure', id: def.measures[i].id } };
  if (head === 'params' && def.params?.[i]) return { selection: { kind: 'param', id: def.params[i].key } };
  if (head === 'dataset' && a === 'filters' && def.dataset.filters?.[i]) return { selection: { kind: 'filter', id: String(i) } };
  if (head === 'dataset' && a === 'columns' && def.dataset.columns?.[i]) return { selection: { kind: 'column', id: def.dataset.columns[i].id } };
  if (head === 'dataset' && a === 'filters') return { section: 'filters' };
  if (head === 'dataset' && a === 'columns') return { section: 'columns' };
  return { section: SECTION_OF[head ?? ''] ?? 'name' };
}
