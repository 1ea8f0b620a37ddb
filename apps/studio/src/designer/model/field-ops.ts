import { createField, newFieldId, type FieldDefinition, type FieldType, type FormDefinition, type Locale } from '@kiln/engine-forms';
import { containerFields, isSubtable, locateField, withContainer, type ContainerId } from './containers';

/** Returns `base`, or `base_2`, `base_3`, … — the first key not in `taken`. */
export function freeKey(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  const stem = base.replace(/_\d+$/, '').slice(0, 58);
  for (let n = 2; ; n++) if (!set.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

function keysIn(def: FormDefinition, container: ContainerId, exceptId?: string): string[] {
  return containerFields(def, container).filter((f) => f.id !== exceptId).map((f) => f.key);
}

/** Where a new field or a moved one can go: sub-tables hold neither sub-tables nor formulas (top level only). */
export function canDropInto(type: FieldType, container: ContainerId): boolean {
  return container === null || (type !== 'subtable' && type !== 'formula');
}

/**
 * Adds a fresh field of `type` (via the engine's `createField`) into `container` at `index`
 * (end when omitted). Returns the new definition and the new field's id.
 */
export function addField(
  def: FormDefinition,
  type: FieldType,
  container: ContainerId,
  locale: Locale,
  index?: number,
): { definition: FormDefinition; id: string } | null {
  if (!canDropInto(type, container)) return null;
  const field = createField(type, keysIn(def, container), locale);
  const definition = withContainer(def, container, (list) => {
    const at = index === undefined ? list.length : Math.max(0, Math.min(index, list.length));
    return [...list.slice(0, at), field, ...list.slice(at)];
  });
  return { definition, id: field.id };
}

/** Moves a field to `index` of `container`, renaming its key if it clashes there. */
export function moveField(def: FormDefinition, id: string, container: ContainerId, index: number): FormDefinition {
  const from = locateField(def, id);
  if (!from || !canDropInto(from.field.type, container) || container === id) return def;
  if (from.container === container) {
    return withContainer(def, container, (list) => {
      const next = list.filter((f) => f.id !== id);
      const at = Math.max(0, Math.min(index, next.length));
      return [...next.slice(0, at), from.field, ...next.slice(at)];
    });
  }
  const removed = withContainer(def, from.container, (list) => list.filter((f) => f.id !== id));
  const moved = { ...from.field, key: freeKey(from.field.key, keysIn(removed, container)) } as FieldDefinition;
  return withContainer(removed, container, (list) => {
    const at = Math.max(0, Math.min(index, list.length));
    return [...list.slice(0, at), moved, ...list.slice(at)];
  });
}

/** Removes a field (and, for a sub-table, its children); drops it from de-duplication keys. */
export function removeField(def: FormDefinition, id: string): FormDefinition {
  const loc = locateField(def, id);
  if (!loc) return def;
  const next = withContainer(def, loc.container, (list) => list.filter((f) => f.id !== id));
  if (loc.container === null && next.public?.dedupe?.includes(loc.field.key)) {
    return { ...next, public: { ...next.public, dedupe: next.public.dedupe.filter((k) => k !== loc.field.key) } };
  }
  return next;
}

function freshCopy(f: FieldDefinition, key: string): FieldDefinition {
  const copy = { ...structuredClone(f), id: newFieldId(), key } as FieldDefinition;
  if (isSubtable(copy)) copy.fields = copy.fields.map((c) => freshCopy(c, c.key));
  return copy;
}

/** Duplicates a field right after itself with new ids and a free key; returns the copy's id. */
export function duplicateField(def: FormDefinition, id: string): { definition: FormDefinition; id: string } | null {
  const loc = locateField(def, id);
  if (!loc) return null;
  const copy = freshCopy(loc.field, freeKey(`${loc.field.key}_copy`, keysIn(def, loc.container)));
  const definition = withContainer(def, loc.container, (list) => [
    ...list.slice(0, loc.index + 1),
    copy,
    ...list.slice(loc.index + 1),
  ]);
  return { definition, id: copy.id };
}

/**
 * Replaces a field by `fn(field)`. A renamed root key is renamed in the public
 * de-duplication keys too, so settings keep pointing at the same field.
 */
export function updateField(
  def: FormDefinition,
  id: string,
  fn: (f: FieldDefinition) => FieldDefinition,
): FormDefinition {
  const loc = locateField(def, id);
  if (!loc) return def;
  const updated = fn(loc.field);
  let next = withContainer(def, loc.container, (list) => list.map((f) => (f.id === id ? updated : f)));
  const oldKey = loc.field.key;
  if (loc.container === null && updated.key !== oldKey && next.public?.dedupe?.includes(oldKey)) {
    next = { ...next, public: { ...next.public, dedupe: next.public.dedupe.map((k) => (k === oldKey ? updated.key : k)) } };
  }
  return next;
}
