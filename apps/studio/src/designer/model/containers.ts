import type { FieldDefinition, FormDefinition, SubtableField } from '@kiln/engine-forms';

/** Where a field lives: the form itself (`null`) or a sub-table field's id. */
export type ContainerId = string | null;

/** A field found in the definition, with its container and index there. */
export interface FieldLocation {
  field: FieldDefinition;
  container: ContainerId;
  index: number;
}

/** True when the field is a sub-table (holds nested fields). */
export function isSubtable(f: FieldDefinition): f is SubtableField {
  return f.type === 'subtable';
}

/** Finds a field anywhere (root or one level inside a sub-table) by its stable id. */
export function locateField(def: FormDefinition, id: string): FieldLocation | null {
  for (let i = 0; i < def.fields.length; i++) {
    const f = def.fields[i];
    if (f.id === id) return { field: f, container: null, index: i };
    if (isSubtable(f)) {
      const j = (f.fields ?? []).findIndex((c) => c.id === id);
      if (j >= 0) return { field: f.fields[j], container: f.id, index: j };
    }
  }
  return null;
}

/** The fields of a container (root or sub-table); empty when the container does not exist. */
export function containerFields(def: FormDefinition, container: ContainerId): FieldDefinition[] {
  if (container === null) return def.fields;
  const loc = locateField(def, container);
  return loc && isSubtable(loc.field) ? (loc.field.fields ?? []) : [];
}

/** Returns a copy of `def` whose container's field list is replaced by `fn(list)`. */
export function withContainer(
  def: FormDefinition,
  container: ContainerId,
  fn: (fields: FieldDefinition[]) => FieldDefinition[],
): FormDefinition {
  if (container === null) return { ...def, fields: fn(def.fields) };
  return {
    ...def,
    fields: def.fields.map((f) => (f.id === container && isSubtable(f) ? { ...f, fields: fn(f.fields ?? []) } : f)),
  };
}

/** Every field, root fields followed by their sub-table children, in display order. */
export function allFields(def: FormDefinition): FieldDefinition[] {
  return def.fields.flatMap((f) => (isSubtable(f) ? [f, ...(f.fields ?? [])] : [f]));
}
