import type { ConnectorAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { useDraftKeys } from '../../hooks/useDraftKeys';
import { ptr } from '../../model/pointer';
import { editAs, patchAction, type BuilderProps } from './builder-props';

/** connector: connector key, operation, and the payload expression. */
export function ConnectorBuilder({ index: n, action, scope }: BuilderProps<ConnectorAction>) {
  const { t } = useTranslation();
  const connectors = useDraftKeys('connectors');
  const listId = `rule-connectors-${n}`;
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.connector')} path={ptr('actions', n, 'connector')}>
        <input
          className="input"
          list={listId}
          value={action.connector}
          onChange={(e) => patchAction<ConnectorAction>(n, { connector: e.target.value.trim() }, 'connector')}
          data-testid={`action-connector-${n}`}
          data-path={ptr('actions', n, 'connector')}
        />
        <datalist id={listId}>
          {connectors.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </Labeled>
      <Labeled label={t('rules.operation')} hint={t('rules.operationHint')} path={ptr('actions', n, 'operation')}>
        <input
          className="input"
          value={action.operation ?? ''}
          onChange={(e) =>
            editAs<ConnectorAction>(
              n,
              (a) => {
                const next = { ...a };
                if (e.target.value.trim()) next.operation = e.target.value.trim();
                else delete next.operation;
                return next;
              },
              ptr('actions', n, 'operation'),
            )
          }
          data-testid={`action-operation-${n}`}
          data-path={ptr('actions', n, 'operation')}
        />
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
