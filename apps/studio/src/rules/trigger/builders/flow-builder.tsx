import type { FlowAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { useDraftKeys } from '../../hooks/useDraftKeys';
import { withOptional } from '../../model/optional';
import { ptr } from '../../model/pointer';
import { editAs, patchAction, type BuilderProps } from './builder-props';

/** flow: which flow to start, and for which record (default: the triggering one). */
export function FlowBuilder({ index: n, action, scope }: BuilderProps<FlowAction>) {
  const { t } = useTranslation();
  const flows = useDraftKeys('flows');
  const listId = `rule-flows-${n}`;
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.flow')} path={ptr('actions', n, 'flow')}>
        <input
          className="input"
          list={listId}
          value={action.flow}
          onChange={(e) => patchAction<FlowAction>(n, { flow: e.target.value.trim() }, 'flow')}
          data-testid={`action-flow-${n}`}
          data-path={ptr('actions', n, 'flow')}
        />
        <datalist id={listId}>
          {flows.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </Labeled>
      <Labeled label={t('rules.flowRecord')} hint={t('rules.flowRecordHint')}>
        <RuleExpr
          path={ptr('actions', n, 'record')}
          value={action.record}
          onChange={(v) => editAs<FlowAction>(n, (a) => withOptional(a, 'record', v), ptr('actions', n, 'record'))}
          context="action"
          fields={scope.fields}
          itemFields={scope.itemFields}
          results={scope.results}
          placeholder="record.id"
          testId={`action-record-${n}`}
        />
      </Labeled>
    </div>
  );
}
