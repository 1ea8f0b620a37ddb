import type { Localized } from '@kiln/engine-connectors';
import { pick } from '../../ui/localized';

/** A connector's localized text in `locale` (falling back to the other language, then `fallback`). */
export function textOf(text: Localized | undefined, locale: string, fallback = ''): string {
  if (typeof text === 'string') return text || fallback;
  return pick(text ? { 'zh-CN': text['zh-CN'] ?? '', en: text.en ?? '' } : undefined, locale, fallback);
}

/** Both languages of a localized text (a plain string counts for both). */
export function bothOf(text: Localized | undefined): { 'zh-CN': string; en: string } {
  if (typeof text === 'string') return { 'zh-CN': text, en: text };
  return { 'zh-CN': text?.['zh-CN'] ?? '', en: text?.en ?? '' };
}

/** Sets one language of a localized text; both empty gives `undefined` unless `keep`. */
export function withLang(text: Localized | undefined, lang: 'zh-CN' | 'en', value: string, keep = false): Localized | undefined {
  const next = { ...bothOf(text), [lang]: value };
  return keep || next['zh-CN'] || next.en ? next : undefined;
}
