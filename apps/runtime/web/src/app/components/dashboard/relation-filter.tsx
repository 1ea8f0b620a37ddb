import { useTranslation } from 'react-i18next';
import { useRelationOptions } from '../../lib/use-relation-options';

interface Props {
  app: string;
  form?: string;
  id: string;
  value: string;
  onChange(value: string): void;
}

/** A relation filter: a select of the target form's records (first 200), "all" first. */
export function RelationFilter({ app, form, id, value, onChange }: Props) {
  const { t } = useTranslation();
  const { options, loading, error } = useRelationOptions(app, form);
  const known = options.some((o) => o.value === value);
  return (
    <select className="input" id={id} data-testid={id} value={value} disabled={loading && !options.length} title={error !== undefined ? t('dashboard.relationFailed') : undefined} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('dashboard.any')}</option>
      {/* A linked id outside the first 200 records still shows as selected. */}
      {value !== '' && !known && <option value={value}>#{value}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
