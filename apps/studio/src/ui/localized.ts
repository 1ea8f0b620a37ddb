import type { LocalizedText } from '@kiln/engine-forms';

/** Picks the text for `locale`, falling back to the other language, then to `fallback`. */
export function pick(text: LocalizedText | string | undefined | null, locale: string, fallback = ''): string {
  if (!text) return fallback;
  if (typeof text === 'string') return text;
  const primary = locale === 'en' ? text.en : text['zh-CN'];
  const other = locale === 'en' ? text['zh-CN'] : text.en;
  return primary || other || fallback;
}
