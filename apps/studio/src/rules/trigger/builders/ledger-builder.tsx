import type { LedgerAction } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { FieldSelect } from '../../common/field-select';
import { FormSelect } from '../../common/form-select';
import { Labeled } from '../../common/labeled';
import { RuleExpr } from '../../common/rule-expr';
import { useFormFields } from '../../hooks/useFormFields';
import { ptr } from '../../model/pointer';
import { patchAction, type BuilderProps } from './builder-props';

/** ledger: the ledger form, its de-duplication key field, and the entries expression (a list). */
export function LedgerBuilder({ index: n, action, scope }: BuilderProps<LedgerAction>) {
  const { t } = useTranslation();
  const ledgerFields = useFormFields(action.form);
  return (
    <div className="rule-grid">
      <Labeled label={t('rules.ledgerForm')} path={ptr('actions', n, 'form')}>
        <FormSelect value={action.form} onChange={(form) => patchAction<LedgerAction>(n, { form })} testId={`action-form-${n}`} path={ptr('actions', n, 'form')} />
      </Labeled>
      <Labeled label={t('rules.ledgerKey')} hint={t('rules.ledgerKeyHint')} path={ptr('actions', n, 'key')}>
        <FieldSelect
          value={action.key}
          fields={ledgerFields}
          onChange={(key) => patchAction<LedgerAction>(n, { key })}
          testId={`action-ledger-key-${n}`}
          path={ptr('actions', n, 'key')}
        />
      </Labeled>
      <Labeled label={t('rules.entries')} hint={t('rules.entriesHint')} wide>
        <RuleExpr
          path={ptr('actions', n, 'entries')}
          value={action.entries}
          onChange={(entries) => patchAction<LedgerAction>(n, { entries }, 'entries')}
          context="action"
          fields={scope.fields}
          itemFields={scope.itemFields}
          results={scope.results}
          multiline
          placeholder={t('rules.entriesPlaceholder')}
          testId={`action-entries-${n}`}
        />
      </Labeled>
    </div>
  );
}
