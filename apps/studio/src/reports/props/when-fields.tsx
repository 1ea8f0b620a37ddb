import type { When } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { Select } from '../../designer/props/connected';
import { PropField } from '../../designer/props/prop-field';
import { useLocale } from '../../hooks/useLocale';
import { textOf } from '../model/text';
import { useReport } from '../hooks/useReport';
import { paramOptions } from './options';

/** "Show only when": a `choice` parameter and the option it must equal (switchable figures). */
export function WhenFields({ when }: { when: When | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { params } = useReport();
  const choices = paramOptions(params, ['choice']);
  const param = params?.find((p) => p.key === when?.param);
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('reports.props.when')}</div>
      {choices.length === 0 ? (
        <div className="prop-hint">{t('reports.props.whenNone')}</div>
      ) : (
        <div className="prop-grid">
          <PropField name="when-param" title={t('reports.props.whenParam')} component={Select} props={{ options: choices, allowEmpty: true, emptyLabel: t('reports.props.always') }} />
          {param && (
            <PropField
              name="when-equals"
              title={t('reports.props.whenEquals')}
              component={Select}
              props={{ options: (param.options ?? []).map((o) => ({ value: o.value, label: textOf(o.label, locale, o.value) })) }}
            />
          )}
        </div>
      )}
    </section>
  );
}
