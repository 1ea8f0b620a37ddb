/** What the property panel shows: a chip of a well, a parameter, or a computed column. */
export type SelectionKind = 'dimension' | 'measure' | 'filter' | 'param' | 'column';

/**
 * A selected element by its identity: a dimension / measure id, a parameter key, a computed
 * column id, or for a dataset filter its index (filters have no id).
 */
export interface Selection {
  kind: SelectionKind;
  id: string;
}

/** True when both name the same element. */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  return !!a && !!b && a.kind === b.kind && a.id === b.id;
}
