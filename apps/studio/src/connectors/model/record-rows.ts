import { uniqueName } from './keys';

/** A `Record<string, string>` (query, headers) as ordered rows. */
export type Rows = Record<string, string>;

/** Adds a row under a free name. */
export function addRow(rows: Rows | undefined, base: string): Rows {
  const name = uniqueName(base, Object.keys(rows ?? {}));
  return { ...rows, [name]: "''" };
}

/** Renames a row in place; refused (unchanged) when the new name is empty or taken. */
export function renameRow(rows: Rows, from: string, to: string): Rows {
  if (from === to || !to || to in rows) return rows;
  const next: Rows = {};
  for (const [k, v] of Object.entries(rows)) next[k === from ? to : k] = v;
  return next;
}

/** Sets a row's expression. */
export function setRow(rows: Rows, name: string, expr: string): Rows {
  return { ...rows, [name]: expr };
}

/** Removes a row; an empty record becomes `undefined` (the property is left out). */
export function removeRow(rows: Rows, name: string): Rows | undefined {
  const { [name]: _gone, ...rest } = rows;
  return Object.keys(rest).length ? rest : undefined;
}
