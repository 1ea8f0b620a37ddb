/** Escapes one JSON pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * A JSON pointer from segments.
 *
 * @example ptr('actions', 1, 'values', 'amount') // '/actions/1/values/amount'
 */
export function ptr(...segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}
