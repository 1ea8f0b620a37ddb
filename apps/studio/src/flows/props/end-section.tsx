import { useTranslation } from 'react-i18next';
import { Select } from '../../designer/props/connected';
import { END_RESULT_LIST } from '../model/constants';
import { FlowPropField } from './flow-prop-field';
import { optionsOf } from './options';

/** End node: the result the instance finishes with (default `completed`). */
export function EndSection() {
  const { t } = useTranslation();
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.end')}</div>
      <div className="prop-grid">
        <FlowPropField
          name="result"
          title={t('flows.props.result')}
          hint={t('flows.props.resultHint')}
          component={Select}
          props={{ options: optionsOf(END_RESULT_LIST, 'results', t), allowEmpty: true, emptyLabel: t('flows.results.completed') }}
        />
      </div>
    </section>
  );
}
