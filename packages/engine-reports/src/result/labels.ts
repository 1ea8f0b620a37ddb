import { regionName, type Locale } from '@kiln/engine-forms';
import type { DimensionMeta } from '../compile/dimensions.js';
import { isoWeekday } from '../params/time-zone.js';
import { localized } from '../text.js';

/** Label of a missing value. */
export const EMPTY_LABEL = { 'zh-CN': '（空）', en: '(empty)' } as const;
/** Label of the topN "others" row. */
export const OTHERS_LABEL = { 'zh-CN': '其他', en: 'Others' } as const;

function isoWeek(day: string): string {
  // ISO week-numbering year and week of a Monday.
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (4 - isoWeekday(day)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** A bucket start `YYYY-MM-DD` as people name the period: `2024-05-20`, `2024-W21`, `2024-05`, `2024 Q2`, `2024`. @internal */
export function bucketLabel(day: string, bucket: DimensionMeta['bucket']): string {
  switch (bucket) {
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)} Q${Math.floor((+day.slice(5, 7) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
    default:
      return day;
  }
}

/**
 * The label of a dimension value: select option labels, region names, 是/否 · Yes/No, bucket
 * periods; relation labels come from the SQL label column (`sqlLabel`). @internal
 */
export function dimensionLabel(meta: DimensionMeta, value: unknown, sqlLabel: unknown, locale: Locale): string {
  if (value === null || value === undefined) return localized(EMPTY_LABEL, locale);
  if (meta.sqlLabel) return sqlLabel === null || sqlLabel === undefined || sqlLabel === '' ? `#${String(value)}` : String(sqlLabel);
  if (meta.bucket && typeof value === 'string') return bucketLabel(value, meta.bucket);
  switch (meta.valueType) {
    case 'boolean':
      return value === true ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否';
    case 'select': {
      const o = meta.options?.find((x) => x.value === value);
      return o ? localized(o.label, locale) : String(value);
    }
    case 'region':
      return (typeof value === 'string' && regionName(value)) || String(value);
    default:
      return String(value);
  }
}
