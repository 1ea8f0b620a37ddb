import type { NodeOf } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { Select } from '../../designer/props/connected';
import { DurationInput } from './duration-input';
import { FlowExprInput } from './flow-expr-input';
import { FlowPropField } from './flow-prop-field';
import { optionsOf } from './options';

/** Timer node: wait a duration, or until the date an expression returns. */
export function TimerSection({ node }: { node: NodeOf<'timer'> }) {
  const { t } = useTranslation();
  const until = typeof node.data.until === 'string';
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.timer')}</div>
      <div className="prop-grid">
        <FlowPropField name="timer-mode" title={t('flows.props.timerMode')} component={Select} props={{ options: optionsOf(['duration', 'until'], 'timerModes', t) }} />
        {until ? (
          <FlowPropField name="until" title={t('flows.props.until')} hint={t('flows.props.untilHint')} component={FlowExprInput} props={{ path: '/until', placeholder: 'record.due_date' }} />
        ) : (
          <FlowPropField name="duration" title={t('flows.props.duration')} component={DurationInput} path="/duration" />
        )}
      </div>
    </section>
  );
}
