import { FORMULA_RESULT_TYPES, type FieldDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { NumberInput, Select } from './connected';
import { ExpressionInput } from './expression-input';
import { PropField } from './prop-field';

/** A formula field's expression, result type and (number results) decimal places. */
export function FormulaSection({ field }: { field: FieldDefinition }) {
  const { t } = useTranslation();
  if (field.type !== 'formula') return null;
  return (
    <section className="prop-section" data-testid="prop-formula">
      <div className="prop-section-title">{t('props.formula')}</div>
      <div className="prop-grid">
        <PropField name="expression" title={t('props.expression')} hint={t('props.expressionHint')} component={ExpressionInput} props={{ placeholder: 'money.pct(record.amount, 5)' }} />
        <PropField
          name="result-type"
          title={t('props.resultType')}
          component={Select}
          props={{ options: FORMULA_RESULT_TYPES.map((v) => ({ value: v, label: t(`props.resultType_${v}`) })) }}
        />
        {field.resultType === 'number' && (
          <PropField name="scale" title={t('props.scale')} hint={t('props.scaleHint')} component={NumberInput} props={{ step: 1, min: 0, max: 6 }} />
        )}
      </div>
    </section>
  );
}
