import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LOCALES } from '../i18n';

const NAMES: Record<string, string> = { 'zh-CN': '简体中文', en: 'English' };

/**
 * Switches every text of the studio between 简体中文 and English. A click toggles the language;
 * the wrapped (visually hidden) `<select>` keeps keyboard access and lets tests call
 * `selectOption('en')` on the same `lang-switch` element.
 */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'zh-CN';
  const other = current === 'en' ? 'zh-CN' : 'en';
  const toggle = (e: MouseEvent) => {
    if ((e.target as HTMLElement).tagName === 'SELECT') return;
    e.preventDefault();
    void i18n.changeLanguage(other);
  };
  return (
    <label className="lang-switch" data-testid="lang-switch" data-locale={current} title={t('common.language')} onClick={toggle}>
      <span>{NAMES[other]}</span>
      <select className="sr-only" aria-label={t('common.language')} value={current} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {UI_LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
