const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Milliseconds of an ISO-8601 duration of weeks, days, hours, minutes and seconds (`PT30S`,
 * `PT1H`, `P1D`, `P1DT12H`), or null when it is not one (years and months have no fixed length).
 *
 * @example parseDuration('PT30S') // → 30000
 */
export function parseDuration(iso: string): number | null {
  const m = DURATION.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const [, w, d, h, min, s] = m;
  const n = (x: string | undefined) => (x === undefined ? 0 : Number(x));
  return Math.round(((((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(min)) * 60 + n(s)) * 1000);
}
