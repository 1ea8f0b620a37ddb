import type { Locale } from '@kiln/engine-forms';
import type { Localized } from './types.js';

/** A text in both UI languages (internal: messages, labels). */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** `{zh-CN, en}` shorthand. @internal */
export const bi = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, en });

/** Picks the text for `locale`; a missing or empty English text falls back to Chinese. @internal */
export function localized(text: Localized | undefined, locale: Locale): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  const own = text[locale];
  if (typeof own === 'string' && own.trim() !== '') return own;
  return text['zh-CN'] ?? text.en ?? '';
}

/** A Localized as both languages. @internal */
export function both(text: Localized | undefined): Bilingual {
  return { 'zh-CN': localized(text, 'zh-CN'), en: localized(text, 'en') };
}

/** Joins bilingual parts per language. @internal */
export function joinBi(parts: readonly Bilingual[], sep: string): Bilingual {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(sep), en: parts.map((p) => p.en).join(sep) };
}
