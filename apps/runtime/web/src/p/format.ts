import { currentLocale } from '../shared/i18n';

/** A date in the UI language (`2026/03/02`, `Mar 2, 2026`); '' for an empty or bad value. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(currentLocale(), { year: 'numeric', month: currentLocale() === 'en' ? 'short' : '2-digit', day: '2-digit' }).format(d);
}

/** A date and time in the UI language. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
