import type { NodeOf } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { Checkbox, Select } from '../../designer/props/connected';
import { ESCALATION_LIST } from '../model/constants';
import { GroupsProp, RolesProp, UsersProp } from './connected-pickers';
import { DurationInput } from './duration-input';
import { FlowPropField } from './flow-prop-field';
import { optionsOf } from './options';

/** An approval's SLA: due time (wall clock or business hours), reminder, and what happens when overdue. */
export function SlaSection({ node }: { node: NodeOf<'approval'> }) {
  const { t } = useTranslation();
  const sla = node.data.sla;
  return (
    <section className="prop-section" data-testid="sla-section">
      <div className="prop-section-title">{t('flows.sections.sla')}</div>
      <div className="prop-grid">
        <FlowPropField name="sla-on" title={t('flows.props.slaOn')} component={Checkbox} />
        {sla && (
          <>
            <FlowPropField name="sla-due" title={t('flows.props.slaDue')} component={DurationInput} path="/sla/due" />
            <FlowPropField name="sla-business-hours" title={t('flows.props.businessHours')} hint={t('flows.props.businessHoursHint')} component={Checkbox} />
            <FlowPropField name="sla-remind-before" title={t('flows.props.remindBefore')} component={DurationInput} path="/sla/remindBefore" />
            <FlowPropField
              name="sla-escalate"
              title={t('flows.props.escalate')}
              component={Select}
              props={{ options: optionsOf(ESCALATION_LIST, 'escalations', t), allowEmpty: true, emptyLabel: t('flows.escalations.none') }}
            />
            {sla.escalate && (
              <>
                <FlowPropField name="sla-notify-users" title={t('flows.props.notifyUsers')} component={UsersProp} />
                <FlowPropField name="sla-notify-groups" title={t('flows.props.notifyGroups')} component={GroupsProp} />
                <FlowPropField name="sla-notify-roles" title={t('flows.props.notifyRoles')} component={RolesProp} />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
