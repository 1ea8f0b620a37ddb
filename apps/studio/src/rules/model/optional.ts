/**
 * `obj` with optional property `key` set to `value`, or removed when `value` is blank, so a
 * cleared expression (`when`, `condition`, …) leaves no empty string behind.
 *
 * @example withOptional(action, 'when', '') // action without `when`
 */
export function withOptional<T extends object>(obj: T, key: keyof T & string, value: string | undefined): T {
  const next = { ...obj } as Record<string, unknown>;
  if (value === undefined || value.trim() === '') delete next[key];
  else next[key] = value;
  return next as T;
}
