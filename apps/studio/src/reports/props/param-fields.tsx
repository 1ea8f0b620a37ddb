import { DATE_RANGE_PRESETS, PARAM_TYPES, type ParamOption, type ParamType } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { Checkbox, NumberInput, Select, TextInput } from '../../designer/props/connected';
import { OptionsEditor } from '../../designer/props/options-editor';
import { PropField } from '../../designer/props/prop-field';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../model/text';
import { optionsOf, type Option } from './options';

interface Props {
  type: ParamType;
  options: readonly ParamOption[] | undefined;
  /** Forms a relation parameter may point at. */
  forms: Option[];
  /** Whether to offer "required" (report parameters; dashboard filters have none). */
  withRequired?: boolean;
  keyHint?: string;
}

/**
 * The formily fields of a parameter — shared by report parameters and dashboard filters: key,
 * label in both languages, type, options (select / choice), form (relation), default (typed by
 * the type: a preset for date ranges, an option, a number or text), required.
 */
export function ParamFields({ type, options, forms, withRequired, keyHint }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const optionList = (options ?? []).map((o) => ({ value: o.value, label: textOf(o.label, locale, o.value) }));
  return (
    <>
      <section className="prop-section">
        <div className="prop-grid">
          <PropField name="key" title={t('reports.props.paramKey')} hint={keyHint} component={TextInput} />
          <PropField name="label-zh" title={t('reports.props.labelZh')} component={TextInput} />
          <PropField name="label-en" title={t('reports.props.labelEn')} component={TextInput} />
          <PropField name="type" title={t('reports.props.paramType')} component={Select} props={{ options: optionsOf(PARAM_TYPES, 'paramTypes', t) }} />
          {type === 'relation' && <PropField name="form" title={t('reports.props.paramForm')} component={Select} props={{ options: forms, allowEmpty: true }} />}
          {type === 'date_range' && (
            <PropField name="default" title={t('reports.props.default')} hint={t('reports.props.rangeHint')} component={Select} props={{ options: optionsOf(DATE_RANGE_PRESETS, 'presets', t), allowEmpty: true }} />
          )}
          {(type === 'select' || type === 'choice') && <PropField name="default" title={t('reports.props.default')} component={Select} props={{ options: optionList, allowEmpty: type === 'select' }} />}
          {type === 'number' && <PropField name="default" title={t('reports.props.default')} component={NumberInput} />}
          {(type === 'text' || type === 'relation') && <PropField name="default" title={t('reports.props.default')} component={TextInput} props={{ emptyAsUndefined: true }} />}
          {withRequired && <PropField name="required" title={t('reports.props.required')} component={Checkbox} />}
        </div>
      </section>
      {(type === 'select' || type === 'choice') && (
        <section className="prop-section">
          <div className="prop-section-title">{t('reports.props.options')}</div>
          <PropField name="options" title="" hint={type === 'choice' ? t('reports.props.choiceHint') : undefined} component={OptionsEditor} />
        </section>
      )}
    </>
  );
}
