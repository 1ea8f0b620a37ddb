import type { FieldDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';

interface Props {
  value: string;
  fields: readonly FieldDefinition[];
  onChange: (key: string) => void;
  testId: string;
  path?: string;
  /** Keys not to offer (already mapped), except the current value. */
  exclude?: readonly string[];
  /** Offer an empty choice (for optional fields). */
  allowEmpty?: boolean;
}

/** A `<select>` of a form's fields (label and key); an unknown stored key stays visible. */
export function FieldSelect({ value, fields, onChange, testId, path, exclude = [], allowEmpty }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const known = fields.some((f) => f.key === value);
  return (
    <select className="input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} data-path={path}>
      {(allowEmpty || !value) && <option value="">{t('rules.pickField')}</option>}
      {fields
        .filter((f) => f.key === value || !exclude.includes(f.key))
        .map((f) => (
          <option key={f.key} value={f.key}>
            {pick(f.label, locale, f.key)} ({f.key})
          </option>
        ))}
      {value && !known && <option value={value}>{t('rules.unknownKey', { key: value })}</option>}
    </select>
  );
}
