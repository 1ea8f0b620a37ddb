/** Action ids, column ids and row ids: `^[a-z][a-z0-9_]{0,31}$`, stable, unique within the rule. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/** True when `id` is a valid action / column / row id. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * The first of `prefix`, `prefix_2`, `prefix_3`, … (or `prefix1`, `prefix2`, … with `numbered`)
 * not in `taken`.
 *
 * @example freeId('r', ['r1', 'r2'], true) // 'r3'
 */
export function freeId(prefix: string, taken: Iterable<string>, numbered = false): string {
  const used = new Set(taken);
  if (!numbered && !used.has(prefix)) return prefix;
  for (let n = numbered ? 1 : 2; ; n++) {
    const id = numbered ? `${prefix}${n}` : `${prefix}_${n}`;
    if (!used.has(id)) return id;
  }
}
