import type { NodeOf } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { Checkbox, Select } from '../../designer/props/connected';
import { useFlowContext, type FlowContextState } from '../store/flow-context';
import { FlowPropField } from './flow-prop-field';

const selectFlows = (s: FlowContextState) => s.flows;

/** Sub-flow node: which flow of the app starts on the same record, and whether to wait for it. */
export function SubflowSection({ node }: { node: NodeOf<'subflow'> }) {
  const { t } = useTranslation();
  const flows = useFlowContext(selectFlows);
  const keys = node.data.flow && !flows.includes(node.data.flow) ? [...flows, node.data.flow] : flows;
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.subflow')}</div>
      <div className="prop-grid">
        <FlowPropField
          name="flow"
          title={t('flows.props.subflow')}
          component={Select}
          props={{ options: keys.map((k) => ({ value: k, label: k })), allowEmpty: true, emptyLabel: t('flows.pickFlow') }}
          path="/flow"
        />
        <FlowPropField name="wait" title={t('flows.props.wait')} hint={t('flows.props.waitHint')} component={Checkbox} />
      </div>
    </section>
  );
}
