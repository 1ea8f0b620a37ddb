import { useTranslation } from 'react-i18next';
import type { FormDraft } from '../api/types';
import { useLocale } from '../hooks/useLocale';
import { pick } from './localized';

/** A select of the app's forms ("title (key)"), with an empty "pick a form" choice. */
export function FormSelect({ forms, value, onChange, testId }: { forms: FormDraft[]; value: string; onChange: (key: string) => void; testId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      <option value="">{t('rules.pickForm')}</option>
      {forms.map((f) => (
        <option key={f.key} value={f.key}>
          {pick(f.definition?.title, locale, f.key)} ({f.key})
        </option>
      ))}
    </select>
  );
}
