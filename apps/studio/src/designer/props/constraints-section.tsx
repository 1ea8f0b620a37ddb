import type { FieldDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { Checkbox, DateBound, NumberInput, Select, TextInput } from './connected';
import { PropField } from './prop-field';
import { DisplaySelect, TargetSelect } from './relation-inputs';

/** Type-specific constraints of the selected field. */
export function ConstraintsSection({ field }: { field: FieldDefinition }) {
  const { t } = useTranslation();
  const rows = constraintRows(field.type, t);
  if (!rows) return null;
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('props.constraints')}</div>
      <div className="prop-grid">{rows}</div>
    </section>
  );
}

type T = (k: string) => string;

function constraintRows(type: FieldDefinition['type'], t: T) {
  switch (type) {
    case 'text':
    case 'textarea':
    case 'linkparam':
      return (
        <>
          {type !== 'linkparam' && <PropField name="min-length" title={t('props.minLength')} component={NumberInput} props={{ step: 1 }} />}
          <PropField name="max-length" title={t('props.maxLength')} component={NumberInput} props={{ step: 1 }} />
          <PropField name="pattern" title={t('props.pattern')} hint={t('props.patternHint')} component={TextInput} props={{ emptyAsUndefined: true }} />
        </>
      );
    case 'number':
      return (
        <>
          <PropField name="min" title={t('props.min')} component={NumberInput} />
          <PropField name="max" title={t('props.max')} component={NumberInput} />
          <PropField name="integer" title={t('props.integer')} component={Checkbox} />
          <PropField name="scale" title={t('props.scale')} hint={t('props.scaleHint')} component={NumberInput} props={{ step: 1, min: 0, max: 6 }} />
        </>
      );
    case 'money':
      return (
        <>
          <PropField name="min" title={t('props.minYuan')} component={NumberInput} props={{ scale: 100, step: 0.01 }} />
          <PropField name="max" title={t('props.maxYuan')} component={NumberInput} props={{ scale: 100, step: 0.01 }} />
        </>
      );
    case 'date':
    case 'datetime':
      return (
        <>
          <PropField name="min" title={t('props.minDate')} component={DateBound} props={{ withTime: type === 'datetime' }} />
          <PropField name="max" title={t('props.maxDate')} component={DateBound} props={{ withTime: type === 'datetime' }} />
        </>
      );
    case 'multiselect':
      return (
        <>
          <PropField name="min-items" title={t('props.minItems')} component={NumberInput} props={{ step: 1, min: 0 }} />
          <PropField name="max-items" title={t('props.maxItems')} component={NumberInput} props={{ step: 1, min: 0 }} />
        </>
      );
    case 'region':
      return (
        <PropField
          name="level"
          title={t('props.level')}
          component={Select}
          props={{ options: ['province', 'city', 'district'].map((v) => ({ value: v, label: t(`props.level_${v}`) })) }}
        />
      );
    case 'relation':
      return (
        <>
          <PropField name="target" title={t('props.target')} component={TargetSelect} />
          <PropField name="many" title={t('props.many')} component={Checkbox} />
          <PropField name="display" title={t('props.display')} hint={t('props.displayHint')} component={DisplaySelect} />
        </>
      );
    case 'subtable':
      return (
        <>
          <PropField name="min-rows" title={t('props.minRows')} component={NumberInput} props={{ step: 1, min: 0 }} />
          <PropField name="max-rows" title={t('props.maxRows')} component={NumberInput} props={{ step: 1, min: 0 }} />
        </>
      );
    case 'autonumber':
      return (
        <>
          <PropField
            name="mode"
            title={t('props.mode')}
            component={Select}
            props={{ options: ['sequence', 'shortcode'].map((v) => ({ value: v, label: t(`props.mode_${v}`) })) }}
          />
          <PropField name="prefix" title={t('props.prefix')} component={TextInput} props={{ emptyAsUndefined: true }} />
          <PropField name="digits" title={t('props.digits')} hint={t('props.digitsHint')} component={NumberInput} props={{ step: 1 }} />
          <PropField name="length" title={t('props.length')} hint={t('props.lengthHint')} component={NumberInput} props={{ step: 1 }} />
        </>
      );
    default:
      return null;
  }
}
