import type { NodeOf } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { Checkbox, NumberInput, Select, TextInput } from '../../designer/props/connected';
import { useLocale } from '../../hooks/useLocale';
import { useFlowFields } from '../hooks/useFlowFields';
import { userFields } from '../model/assignees';
import { MODE_LIST } from '../model/constants';
import { AssigneeList } from './assignee-list';
import { FieldChecklist } from './field-checklist';
import { FlowExprInput } from './flow-expr-input';
import { FlowPropField } from './flow-prop-field';
import { fieldOptions, optionsOf } from './options';
import { SlaSection } from './sla-section';

/**
 * Approval node: assignees, approval mode (或签 any / 会签 all / a share), picking, which fields
 * the approver sees and edits, SLA, automatic outcomes, allowed operations and button labels.
 */
export function ApprovalSection({ node }: { node: NodeOf<'approval'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fields = useFlowFields();
  return (
    <>
      <section className="prop-section">
        <div className="prop-section-title">{t('flows.sections.assignees')}</div>
        <FlowPropField name="assignees" title="" component={AssigneeList} props={{ prefix: 'assignee', base: '/assignees' }} />
        <div className="prop-grid">
          <FlowPropField name="mode" title={t('flows.props.mode')} hint={t(`flows.modeHints.${node.data.mode}`)} component={Select} props={{ options: optionsOf(MODE_LIST, 'modes', t) }} />
          {node.data.mode === 'percent' && <FlowPropField name="percent" title={t('flows.props.percent')} component={NumberInput} props={{ step: 1 }} path="/percent" />}
          <FlowPropField
            name="pick"
            title={t('flows.props.pick')}
            hint={t('flows.props.pickHint')}
            component={Select}
            props={{ options: optionsOf(['all', 'roundRobin'], 'picks', t) }}
          />
          <FlowPropField
            name="assign-field"
            title={t('flows.props.assignField')}
            hint={t('flows.props.assignFieldHint')}
            component={Select}
            props={{ options: fieldOptions(userFields(fields), locale), allowEmpty: true, emptyLabel: t('flows.none') }}
          />
          <FlowPropField
            name="on-empty"
            title={t('flows.props.onEmpty')}
            component={Select}
            props={{ options: optionsOf(['admin', 'approve', 'reject'], 'onEmpty', t), allowEmpty: true, emptyLabel: t('flows.onEmpty.default') }}
          />
        </div>
      </section>
      <section className="prop-section">
        <div className="prop-section-title">{t('flows.sections.fields')}</div>
        <div className="prop-grid">
          <FlowPropField name="visible" title={t('flows.props.visible')} hint={t('flows.props.visibleHint')} component={FieldChecklist} />
          <FlowPropField name="editable" title={t('flows.props.editable')} component={FieldChecklist} />
        </div>
      </section>
      <SlaSection node={node} />
      <section className="prop-section">
        <div className="prop-section-title">{t('flows.sections.auto')}</div>
        <div className="prop-grid">
          <FlowPropField name="reject-when" title={t('flows.props.rejectWhen')} hint={t('flows.props.rejectWhenHint')} component={FlowExprInput} props={{ path: '/rejectWhen', placeholder: 'record.stock < record.qty' }} />
          <FlowPropField name="approve-when" title={t('flows.props.approveWhen')} hint={t('flows.props.approveWhenHint')} component={FlowExprInput} props={{ path: '/approveWhen', placeholder: 'record.amount < 1000' }} />
        </div>
      </section>
      <section className="prop-section">
        <div className="prop-section-title">{t('flows.sections.operations')}</div>
        <div className="prop-grid">
          <FlowPropField name="allow-transfer" title={t('flows.props.allowTransfer')} component={Checkbox} />
          <FlowPropField name="allow-add-signer" title={t('flows.props.allowAddSigner')} component={Checkbox} />
          <FlowPropField name="allow-return" title={t('flows.props.allowReturn')} component={Checkbox} />
          <FlowPropField name="label-approve-zh" title={t('flows.props.labelApproveZh')} component={TextInput} props={{ placeholder: '同意' }} />
          <FlowPropField name="label-approve-en" title={t('flows.props.labelApproveEn')} component={TextInput} props={{ placeholder: 'Approve' }} />
          <FlowPropField name="label-reject-zh" title={t('flows.props.labelRejectZh')} component={TextInput} props={{ placeholder: '驳回' }} />
          <FlowPropField name="label-reject-en" title={t('flows.props.labelRejectEn')} component={TextInput} props={{ placeholder: 'Reject' }} />
        </div>
      </section>
    </>
  );
}
