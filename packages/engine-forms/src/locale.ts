import type { Locale, LocalizedText } from './types.js';

/** The locale used when the caller gives none. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Picks the text for `locale`. An empty English text falls back to the Chinese one: zh-CN is
 * the required language of every label, English is optional (see validateFormDefinition).
 */
export function localize(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  const own = text[locale];
  if (typeof own === 'string' && own.trim() !== '') return own;
  return text['zh-CN'] ?? '';
}

/**
 * Replaces `{name}` placeholders in a template with `params[name]`; unknown names stay as is.
 * @internal
 */
export function interpolate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params && params[name] !== undefined ? String(params[name]) : whole,
  );
}
