/** Moves the item at `from` to position `to` (positions of the resulting list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** Inserts `item` at `index` (the end when out of range). */
export function insertAt<T>(list: readonly T[], item: T, index?: number): T[] {
  const next = [...list];
  next.splice(index === undefined || index < 0 || index > next.length ? next.length : index, 0, item);
  return next;
}

/** Replaces the items for which `match` holds with `fn(item)`. */
export function replaceWhere<T>(list: readonly T[], match: (item: T, i: number) => boolean, fn: (item: T) => T): T[] {
  return list.map((item, i) => (match(item, i) ? fn(item) : item));
}
