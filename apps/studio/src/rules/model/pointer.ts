/**
 * JSON pointers (RFC 6901) into a rule definition, the `path` every RuleProblem carries.
 * The editors tag their controls with `data-path` so a problem can find its control.
 */

/**
 * Builds a pointer from segments.
 *
 * @example ptr('actions', 2, 'values', 'amount') // '/actions/2/values/amount'
 */
export function ptr(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Splits a pointer into unescaped segments (`'/a/b~1c'` → `['a', 'b/c']`). */
export function parsePtr(path: string): string[] {
  if (!path || path === '/') return [];
  return path
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer one level up (`/a/b` → `/a`), or `''` at the root. */
export function parentPtr(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '' : path.slice(0, i);
}
