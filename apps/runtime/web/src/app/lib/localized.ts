import type { Locale } from '@kiln/engine-forms';
import type { Localized } from '@kiln/engine-reports';

/** The text of a report/dashboard label in `locale`: plain strings as is, else the locale's text or the zh-CN one. */
export function textOf(text: Localized | null | undefined, locale: Locale): string {
  if (!text) return '';
  if (typeof text === 'string') return text;
  const own = text[locale];
  return own && own.trim() !== '' ? own : (text['zh-CN'] ?? text.en ?? '');
}
