import type { CreateAction, UpdateAction, UpsertAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../hooks/useLocale';
import { pick } from '../../../ui/localized';
import { CheckList } from '../../common/check-list';
import { FormSelect } from '../../common/form-select';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { useFormFields } from '../../hooks/useFormFields';
import { writableFields } from '../../model/form-fields';
import { ptr } from '../../model/pointer';
import { editAs, patchAction, type BuilderProps } from './builder-props';
import { MappingRows } from './mapping-rows';

type WriteAction = CreateAction | UpdateAction | UpsertAction;

/** create / update / upsert: target form, record id (update), match (upsert), field values. */
export function WriteBuilder({ index: n, action, scope }: BuilderProps<WriteAction>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const target = writableFields(useFormFields(action.form));
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.targetForm')} path={ptr('actions', n, 'form')}>
        <FormSelect value={action.form} onChange={(form) => patchAction<WriteAction>(n, { form })} testId={`action-form-${n}`} path={ptr('actions', n, 'form')} />
      </Labeled>
      {action.type === 'update' && (
        <Labeled label={t('rules.recordId')} hint={t('rules.recordIdHint')}>
          <RuleExpr
            path={ptr('actions', n, 'record')}
            value={action.record}
            onChange={(record) => editAs<UpdateAction>(n, (a) => ({ ...a, record }), ptr('actions', n, 'record'))}
            context="action"
            fields={scope.fields}
            itemFields={scope.itemFields}
            results={scope.results}
            placeholder="record.id"
            testId={`action-record-id-${n}`}
          />
        </Labeled>
      )}
      {action.type === 'upsert' && (
        <Labeled label={t('rules.match')} hint={t('rules.matchHint')} wide>
          <MappingRows
            n={n}
            prop="match"
            mapping={action.match}
            targetFields={target}
            scope={scope}
            onChange={(match, group) => editAs<UpsertAction>(n, (a) => ({ ...a, match }), group)}
          />
        </Labeled>
      )}
      <Labeled label={t('rules.values')} hint={t('rules.valuesHint')} wide>
        <MappingRows
          n={n}
          prop="values"
          mapping={action.values}
          targetFields={target}
          scope={scope}
          onChange={(values, group) => editAs<WriteAction>(n, (a) => ({ ...a, values }), group)}
        />
      </Labeled>
      {action.type === 'upsert' && Object.keys(action.values).length > 0 && (
        <Labeled label={t('rules.createOnly')} hint={t('rules.createOnlyHint')} wide>
          <CheckList
            options={Object.keys(action.values).map((k) => ({ value: k, label: pick(target.find((f) => f.key === k)?.label, locale, k) }))}
            value={action.createOnly ?? []}
            onChange={(next) =>
              editAs<UpsertAction>(n, (a) => {
                const out = { ...a };
                if (next.length) out.createOnly = next;
                else delete out.createOnly;
                return out;
              })
            }
            testIdPrefix={`action-create-only-${n}`}
          />
        </Labeled>
      )}
    </div>
  );
}
