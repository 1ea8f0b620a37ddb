import type { ConnectorAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { connectorOptions, operationOptions } from '../../../connectors/pickers/connector-options';
import { useAppConnectors } from '../../../connectors/pickers/useAppConnectors';
import '../../../connectors/i18n/register';
import { useDraftKeys } from '../../hooks/useDraftKeys';
import { useRuleContext, type RuleContextState } from '../../store/rule-context';
import { ptr } from '../../model/pointer';
import { editAs, patchAction, type BuilderProps } from './builder-props';

const selectApp = (s: RuleContextState) => s.app;

/**
 * connector: a `<select>` of the app's connectors (drafts), a `<select>` of the chosen
 * connector's operations (empty = the connector's default), and the payload expression. A key
 * that names no draft (yet) stays selectable, so nothing typed before is lost.
 */
export function ConnectorBuilder({ index: n, action, scope }: BuilderProps<ConnectorAction>) {
  const { t } = useTranslation();
  const app = useRuleContext(selectApp);
  const drafts = useDraftKeys('connectors');
  const connectors = useAppConnectors(app);
  const keys = connectorOptions(connectors, drafts, action.connector || undefined);
  const ops = operationOptions(connectors, action.connector, action.operation);
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.connector')} path={ptr('actions', n, 'connector')}>
        <select
          className="input"
          value={action.connector}
          onChange={(e) =>
            editAs<ConnectorAction>(n, (a) => {
              const next = { ...a, connector: e.target.value };
              // An operation of another connector would not exist there.
              if (next.operation && !(connectors[next.connector] ?? []).includes(next.operation)) delete next.operation;
              return next;
            })
          }
          data-testid={`action-connector-${n}`}
          data-path={ptr('actions', n, 'connector')}
        >
          <option value="">{t('connectors.pickConnector')}</option>
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label={t('rules.operation')} hint={t('rules.operationHint')} path={ptr('actions', n, 'operation')}>
        <select
          className="input"
          value={action.operation ?? ''}
          onChange={(e) =>
            editAs<ConnectorAction>(n, (a) => {
              const next = { ...a };
              if (e.target.value) next.operation = e.target.value;
              else delete next.operation;
              return next;
            })
          }
          data-testid={`action-operation-${n}`}
          data-path={ptr('actions', n, 'operation')}
        >
          <option value="">{t('connectors.defaultOperation')}</option>
          {ops.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </Labeled>
      <Labeled label={t('rules.payload')} hint={t('rules.payloadHint')} wide>
        <RuleExpr
          path={ptr('actions', n, 'payload')}
          value={action.payload}
          onChange={(payload) => patchAction<ConnectorAction>(n, { payload }, 'payload')}
          context="action"
          fields={scope.fields}
          itemFields={scope.itemFields}
          results={scope.results}
          multiline
          placeholder="({ orderNo: record.no, amount: record.total })"
          testId={`action-payload-${n}`}
        />
      </Labeled>
    </div>
  );
}
