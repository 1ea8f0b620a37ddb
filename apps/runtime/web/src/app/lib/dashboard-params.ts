import type { DashboardFilter, DateRangePreset } from '@kiln/engine-reports';
import type { ReportParams } from './reports-api';

/** The presets a date range filter offers, in menu order (each has a `dateRange.<preset>` text). */
export const DATE_PRESETS: readonly DateRangePreset[] = ['today', 'last_7_days', 'last_30_days', 'last_90_days', 'this_month', 'last_month', 'this_quarter', 'this_year', 'all'];

/** A `date_range` value: `YYYY-MM-DD..YYYY-MM-DD` (either side may be empty). */
const RANGE = /^(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/;

/** The two days of a custom date range value, or undefined for a preset. */
export function splitRange(value: string): { from: string; to: string } | undefined {
  const m = RANGE.exec(value);
  return m ? { from: m[1] ?? '', to: m[2] ?? '' } : undefined;
}

/** A filter default as a URL value: strings and numbers as is, `{from,to}` as a range, anything else none. */
export function defaultValue(f: DashboardFilter): string {
  const d = f.default;
  if (typeof d === 'string') return d;
  if (typeof d === 'number' || typeof d === 'boolean') return String(d);
  if (d && typeof d === 'object' && ('from' in d || 'to' in d)) {
    const r = d as { from?: unknown; to?: unknown };
    return `${typeof r.from === 'string' ? r.from : ''}..${typeof r.to === 'string' ? r.to : ''}`;
  }
  return '';
}

/**
 * The value of every dashboard filter: the URL's `?<param>=` when present (an empty value
 * means "any", deliberately chosen), else the filter's default. The URL is the state, so a
 * copied link reproduces the view.
 */
export function filterValues(filters: readonly DashboardFilter[] | undefined, search: URLSearchParams): ReportParams {
  const out: Record<string, string> = {};
  for (const f of filters ?? []) {
    const v = search.get(f.param);
    out[f.param] = v ?? defaultValue(f);
  }
  return out;
}
