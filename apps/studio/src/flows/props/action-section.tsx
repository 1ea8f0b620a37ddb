import type { NodeOf } from '@kiln/engine-flow';
import type { FormDefinition } from '@kiln/engine-forms';
import { useTranslation } from 'react-i18next';
import { connectorOptions, operationOptions } from '../../connectors/pickers/connector-options';
import { useAppConnectors } from '../../connectors/pickers/useAppConnectors';
import '../../connectors/i18n/register';
import { Select } from '../../designer/props/connected';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useForms } from '../hooks/useForms';
import { useFlowContext, type FlowContextState } from '../store/flow-context';
import { FlowExprInput } from './flow-expr-input';
import { FlowPropField } from './flow-prop-field';
import { optionsOf } from './options';
import { ValueRows } from './value-rows';

const selectConnectors = (s: FlowContextState) => s.connectors;
const selectApp = (s: FlowContextState) => s.app;
const asOption = (k: string) => ({ value: k, label: k });

const formOptions = (forms: Record<string, FormDefinition>, locale: string) =>
  Object.keys(forms)
    .sort()
    .map((k) => ({ value: k, label: `${pick(forms[k].title, locale, k)} (${k})` }));

/** Action node: update the record, create a record of a form, fire `flow.node` rules, or call a connector (picked from the app's connectors, then one of its operations). */
export function ActionSection({ node }: { node: NodeOf<'action'> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const forms = useForms();
  const connectors = useFlowContext(selectConnectors);
  const apiConnectors = useAppConnectors(useFlowContext(selectApp));
  const d = node.data;
  return (
    <section className="prop-section">
      <div className="prop-section-title">{t('flows.sections.action')}</div>
      <div className="prop-grid">
        <FlowPropField name="action" title={t('flows.props.action')} component={Select} props={{ options: optionsOf(['update', 'create', 'rule', 'connector'], 'actions', t) }} />
        {d.action === 'create' && (
          <FlowPropField name="action-form" title={t('flows.props.actionForm')} component={Select} props={{ options: formOptions(forms, locale), allowEmpty: true, emptyLabel: t('rules.pickForm') }} path="/form" />
        )}
        {(d.action === 'update' || d.action === 'create') && <FlowPropField name="values" title={t('flows.props.values')} component={ValueRows} />}
        {d.action === 'rule' && <div className="prop-hint">{t('flows.props.ruleHint', { node: node.id })}</div>}
        {d.action === 'connector' && (
          <>
            <FlowPropField
              name="connector" title={t('flows.props.connector')} component={Select} path="/connector"
              props={{ options: connectorOptions(apiConnectors, connectors, d.connector || undefined).map(asOption), allowEmpty: true, emptyLabel: t('connectors.pickConnector') }}
            />
            <FlowPropField
              name="operation" title={t('flows.props.operation')} component={Select} path="/operation"
              props={{ options: operationOptions(apiConnectors, d.connector, d.operation).map(asOption), allowEmpty: true, emptyLabel: t('connectors.defaultOperation') }}
            />
            <FlowPropField name="payload" title={t('flows.props.payload')} component={FlowExprInput} props={{ path: '/payload', multiline: true, placeholder: '({ no: record.no })' }} />
          </>
        )}
      </div>
    </section>
  );
}
