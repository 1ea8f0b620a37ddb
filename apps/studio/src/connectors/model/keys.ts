/** Operation keys, step ids: a lowercase letter, then letters, digits or `_` (at most 63; the engine's OPERATION_KEY). */
export const ID_PATTERN = /^[a-z][a-zA-Z0-9_]{0,62}$/;

/** True when `id` may name an operation or a step. */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** `base`, or `base_2`, `base_3`, … — the first not in `taken`. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  for (let n = 2; ; n++) if (!set.has(`${base}_${n}`)) return `${base}_${n}`;
}
