import type { Locale } from '@kiln/engine-forms';
import type { FlowText } from './flow-types';

/**
 * The text of a flow name, node name or button label in `locale`: a plain string is the same in
 * both languages, an empty English text falls back to the Chinese one, and a missing text to
 * `fallback` (usually the stable key, so a row never shows blank).
 */
export function flowText(text: FlowText | null | undefined, locale: Locale, fallback = ''): string {
  if (text === null || text === undefined) return fallback;
  if (typeof text === 'string') return text || fallback;
  const own = locale === 'en' ? text.en : text['zh-CN'];
  return (own && own.trim()) || text['zh-CN'] || text.en || fallback;
}
