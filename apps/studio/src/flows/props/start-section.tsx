import { useTranslation } from 'react-i18next';
import { Select } from '../../designer/props/connected';
import { START_TRIGGER_LIST } from '../model/constants';
import { FlowExprInput } from './flow-expr-input';
import { FlowPropField } from './flow-prop-field';
import { optionsOf } from './options';

/** Start node: how an instance starts, and an optional `when` guard for record events. */
export function StartSection() {
  const { t } = useTranslation();
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.start')}</div>
      <div className="prop-grid">
        <FlowPropField name="trigger" title={t('flows.props.trigger')} component={Select} props={{ options: optionsOf(START_TRIGGER_LIST, 'triggers', t) }} path="/trigger" />
        <FlowPropField name="when" title={t('flows.props.when')} hint={t('flows.props.whenHint')} component={FlowExprInput} props={{ path: '/when', placeholder: 'record.amount > 0' }} />
      </div>
    </section>
  );
}
