import type { Localized } from '@kiln/engine-reports';

/**
 * The text of a report's localized string for `locale`, falling back to the other language,
 * then to `fallback` (report texts may carry one language only).
 */
export function textOf(text: Localized | undefined | null, locale: string, fallback = ''): string {
  if (!text) return fallback;
  if (typeof text === 'string') return text;
  const primary = locale === 'en' ? text.en : text['zh-CN'];
  const other = locale === 'en' ? text['zh-CN'] : text.en;
  return primary || other || fallback;
}
