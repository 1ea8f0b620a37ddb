/** Immutable list edits shared by actions, columns, rows and mapping rows. */

/** `list` with the element at `i` moved by `delta` places (unchanged when out of range). */
export function moveAt<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** `list` without the element at `i`. */
export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

/** `list` with `item` inserted at `i`. */
export function insertAt<T>(list: readonly T[], i: number, item: T): T[] {
  const next = [...list];
  next.splice(i, 0, item);
  return next;
}

/** `list` with the element at `i` replaced by `fn(element)`. */
export function updateAt<T>(list: readonly T[], i: number, fn: (item: T) => T): T[] {
  return list.map((x, j) => (j === i ? fn(x) : x));
}
