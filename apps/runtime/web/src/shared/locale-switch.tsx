import { useTranslation } from 'react-i18next';
import type { Locale } from '@kiln/engine-forms';
import { currentLocale } from './i18n';

/** A two-button language switch (`lang-zh-CN`, `lang-en`); `onSwitch` decides how to apply it. */
export function LocaleSwitch({ onSwitch }: { onSwitch(locale: Locale): void }) {
  const { t } = useTranslation();
  const now = currentLocale();
  return (
    <div className="locale-switch" role="group" aria-label={t('lang.label')}>
      {(['zh-CN', 'en'] as const).map((l) => (
        <button
          key={l}
          type="button"
          className={l === now ? 'active' : ''}
          aria-pressed={l === now}
          data-testid={`lang-${l}`}
          onClick={() => onSwitch(l)}
        >
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
