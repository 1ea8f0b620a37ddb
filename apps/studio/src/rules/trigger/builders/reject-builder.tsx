import type { RejectAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { FieldSelect } from '../../common/field-select';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { ptr } from '../../model/pointer';
import { editAs, patchAction, type BuilderProps } from './builder-props';

/** reject: the message people see, and the field it belongs to. */
export function RejectBuilder({ index: n, action, scope }: BuilderProps<RejectAction>) {
  const { t } = useTranslation();
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.message')} hint={t('rules.messageHint')} wide>
        <RuleExpr
          path={ptr('actions', n, 'message')}
          value={action.message}
          onChange={(message) => patchAction<RejectAction>(n, { message }, 'message')}
          context="action"
          fields={scope.fields}
          itemFields={scope.itemFields}
          results={scope.results}
          placeholder={"'金额不能超过 ' + money.format(50000)"}
          testId={`action-message-${n}`}
          expandable
        />
      </Labeled>
      <Labeled label={t('rules.rejectField')} hint={t('rules.rejectFieldHint')} path={ptr('actions', n, 'field')}>
        <FieldSelect
          value={action.field ?? ''}
          fields={scope.fields}
          allowEmpty
          onChange={(field) =>
            editAs<RejectAction>(n, (a) => {
              const next = { ...a };
              if (field) next.field = field;
              else delete next.field;
              return next;
            })
          }
          testId={`action-field-${n}`}
          path={ptr('actions', n, 'field')}
        />
      </Labeled>
    </div>
  );
}
