import { useTranslation } from 'react-i18next';
import type { UiLocale } from '../i18n';

/** The current UI locale (`zh-CN` | `en`), re-rendering when the header switch changes it. */
export function useLocale(): UiLocale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}
