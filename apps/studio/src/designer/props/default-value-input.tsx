import { connect, mapProps } from '@formily/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useSelectedField } from '../hooks/useSelectedField';
import { CheckboxBase, DateBoundBase, NumberInputBase, SelectBase, TextInputBase, type InputProps } from './base-inputs';

/** Types whose default value the panel can edit. */
export const DEFAULTABLE = new Set(['text', 'textarea', 'number', 'money', 'boolean', 'select', 'multiselect', 'date', 'datetime', 'phone', 'email', 'region']);

/** The default value, edited with an input matching the selected field's type (money in yuan, stored in fen). */
function DefaultValueBase(props: InputProps<unknown>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const field = useSelectedField()?.field;
  const { value, onChange, ...rest } = props;
  if (!field) return null;
  switch (field.type) {
    case 'number':
      return <NumberInputBase {...rest} value={value as number | undefined} onChange={onChange} />;
    case 'money':
      return <NumberInputBase {...rest} scale={100} step={0.01} value={value as number | undefined} onChange={onChange} />;
    case 'boolean':
      return <CheckboxBase {...rest} value={value === true} onChange={(v) => onChange?.(v ? true : false)} label={t('props.defaultChecked')} />;
    case 'select':
      return (
        <SelectBase
          {...rest}
          allowEmpty
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: pick(o.label, locale, o.value) }))}
        />
      );
    case 'multiselect': {
      const arr = Array.isArray(value) ? (value as string[]) : [];
      return (
        <div className="check-list" data-testid={rest['data-testid']}>
          {(field.options ?? []).map((o) => (
            <CheckboxBase
              key={o.value}
              value={arr.includes(o.value)}
              label={pick(o.label, locale, o.value)}
              onChange={(on) => {
                const next = on ? [...arr, o.value] : arr.filter((v) => v !== o.value);
                onChange?.(next.length ? next : undefined);
              }}
            />
          ))}
        </div>
      );
    }
    case 'date':
      return <DateBoundBase {...rest} value={value as string | undefined} onChange={onChange} />;
    case 'datetime':
      return <DateBoundBase {...rest} withTime value={value as string | undefined} onChange={onChange} />;
    default:
      return <TextInputBase {...rest} emptyAsUndefined value={typeof value === 'string' ? value : ''} onChange={onChange} />;
  }
}

export const DefaultValueInput = connect(
  DefaultValueBase,
  mapProps((props: InputProps<unknown>, field) => ({ ...props, 'data-testid': `prop-${String(field.props.name)}` })),
);
