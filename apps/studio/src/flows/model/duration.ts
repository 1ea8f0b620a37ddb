/** Units the duration picker offers, largest first. */
export const DURATION_UNITS = ['d', 'h', 'm'] as const;
/** A duration picker unit: days, hours, minutes. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

const MINUTES: Record<DurationUnit, number> = { d: 1440, h: 60, m: 1 };
const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Whole minutes of an ISO 8601 duration (`PT2H` → 120), or null when it is not one. */
export function isoToMinutes(iso: string | undefined): number | null {
  const m = iso ? ISO.exec(iso) : null;
  if (!m || iso === 'P' || iso?.endsWith('T')) return null;
  const [, w, d, h, min, s] = m.map((x) => (x ? Number(x) : 0));
  return w * 7 * 1440 + d * 1440 + h * 60 + min + Math.round(s / 60);
}

/** The ISO 8601 duration of `n` units (`2, 'h'` → `PT2H`, `3, 'd'` → `P3D`). */
export function toIso(n: number, unit: DurationUnit): string {
  return unit === 'd' ? `P${n}D` : unit === 'h' ? `PT${n}H` : `PT${n}M`;
}

/**
 * A duration as the picker shows it: a number and the largest unit that divides it evenly
 * (`P1DT4H` → 28 h). Null for an empty or unreadable value.
 */
export function splitDuration(iso: string | undefined): { n: number; unit: DurationUnit } | null {
  const total = isoToMinutes(iso);
  if (total === null) return null;
  for (const unit of DURATION_UNITS) if (total % MINUTES[unit] === 0 && total >= MINUTES[unit]) return { n: total / MINUTES[unit], unit };
  return { n: total, unit: 'm' };
}

/** A short label of a duration for node summaries (`PT2H` → `2h`, `P1DT4H` → `1d4h`). */
export function shortDuration(iso: string | undefined): string {
  let rest = isoToMinutes(iso);
  if (rest === null) return iso ?? '';
  if (rest === 0) return '0m';
  let out = '';
  for (const unit of DURATION_UNITS) {
    const q = Math.floor(rest / MINUTES[unit]);
    if (q) out += `${q}${unit}`;
    rest -= q * MINUTES[unit];
  }
  return out;
}
