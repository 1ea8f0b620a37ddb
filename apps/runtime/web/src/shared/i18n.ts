import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@kiln/engine-forms';
import { RESOURCES } from './locales';

/** localStorage key of the UI language, shared with the studio (same origin). */
export const LOCALE_KEY = 'kiln.locale';

/** Narrows any language tag to a Kiln locale: Chinese tags → zh-CN, anything else → en. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

/** The language the operator chose last time (default zh-CN). */
export function storedLocale(): Locale {
  try {
    return toLocale(localStorage.getItem(LOCALE_KEY)) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Starts i18next in `locale` and keeps `<html lang>` in step with it. */
export function initI18n(locale: Locale): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

/** The current UI locale. */
export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI language; `persist` also remembers it for the next visit (and the studio). */
export function setLocale(locale: Locale, persist: boolean): void {
  if (persist) {
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      /* private mode: the switch still works for this page */
    }
  }
  void i18next.changeLanguage(locale);
}
