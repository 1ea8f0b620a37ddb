import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useForms } from '../hooks/useForms';

interface Props {
  value: string;
  onChange: (form: string) => void;
  testId: string;
  path?: string;
}

/** A `<select>` of the app's draft forms (title and key); an unknown stored key stays visible. */
export function FormSelect({ value, onChange, testId, path }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const forms = useForms();
  const keys = Object.keys(forms).sort();
  const unknown = value && !forms[value];
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} data-path={path}>
      <option value="">{t('rules.pickForm')}</option>
      {keys.map((k) => (
        <option key={k} value={k}>
          {pick(forms[k].title, locale, k)} ({k})
        </option>
      ))}
      {unknown && <option value={value}>{t('rules.unknownKey', { key: value })}</option>}
    </select>
  );
}
