/** The rjsf id prefix and separator KilnForm uses; keys never contain `.`, so ids split cleanly. @internal */
export const ID_PREFIX = 'kf';
/** @internal */
export const ID_SEPARATOR = '.';

/**
 * Maps an rjsf widget id (`kf.lines.0.sku`) to its Playwright test id (`field-lines-0-sku`),
 * with an optional part suffix (`field-region-province`).
 */
export function testIdOf(id: string, part?: string): string {
  const segments = id.split(ID_SEPARATOR).slice(1);
  return ['field', ...segments, ...(part ? [part] : [])].join('-');
}

/** Maps an rjsf id to the JSON pointer of its value (`kf.lines.0.sku` → `/lines/0/sku`). @internal */
export function pointerOf(id: string): string {
  const segments = id.split(ID_SEPARATOR).slice(1);
  return segments.length ? '/' + segments.join('/') : '';
}
