import { formatFen, type Locale } from '@kiln/engine-forms';
import { msg } from './messages';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The text shown for a formula value of `resultType` ('' when there is none): money as yuan
 * (`¥1,234.50`), numbers with `scale` decimals, booleans 是/否 · Yes/No, dates and date-times
 * in the browser's time zone and the locale's style.
 * @internal
 */
export function formatFormulaValue(value: unknown, resultType: unknown, locale: Locale, scale?: number): string {
  if (value === undefined || value === null || value === '') return '';
  switch (resultType) {
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? formatFen(Math.trunc(value), locale) : String(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? value.toLocaleString(locale, { minimumFractionDigits: scale ?? 0, maximumFractionDigits: scale ?? 6 })
        : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? msg(locale, value ? 'yes' : 'no') : String(value);
    case 'date': {
      // A calendar date has no time zone: build it locally so it never shifts a day.
      const m = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
      return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).toLocaleDateString(locale) : String(value);
    }
    case 'datetime': {
      const d = typeof value === 'string' ? new Date(value) : null;
      return d && !Number.isNaN(d.getTime()) ? d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : String(value);
    }
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
