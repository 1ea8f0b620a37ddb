import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FormDraft } from '../../api/types';
import { CreateDialog } from '../../ui/create-dialog';
import { FormSelect } from '../../ui/form-select';
import { newTableRule, newTriggerRule } from '../model/new-rule';

interface Props {
  app: string;
  existing: string[];
  forms: FormDraft[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New rule": automation or decision table, key, title (and the form an automation starts on). */
export function CreateRuleDialog({ app, existing, forms, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<'trigger' | 'table'>('trigger');
  const [form, setForm] = useState('');
  return (
    <CreateDialog
      title={t('rules.create')} testId="rule-create-dialog" prefix="rule" existing={existing} onClose={onClose}
      labels={{ key: t('rules.key'), zh: t('rules.titleZh'), en: t('rules.titleEn'), taken: t('rules.keyTaken') }}
      nameTestIds={{ zh: 'rule-create-title-zh', en: 'rule-create-title-en' }}
      create={async ({ key, name }) => {
        await endpoints.saveRule(app, key, type === 'trigger' ? newTriggerRule(key, name, form) : newTableRule(key, name));
        onCreated(key);
      }}
      before={
        <div className="rule-type-choice" role="radiogroup">
          {(['trigger', 'table'] as const).map((ty) => (
            <label key={ty} className={type === ty ? 'type-card is-active' : 'type-card'}>
              <input type="radio" name="rule-type" checked={type === ty} onChange={() => setType(ty)} data-testid={`rule-type-${ty}`} />
              <strong>{ty === 'trigger' ? t('rules.typeTrigger') : t('rules.typeTable')}</strong>
              <span className="muted small">{ty === 'trigger' ? t('rules.typeTriggerHint') : t('rules.typeTableHint')}</span>
            </label>
          ))}
        </div>
      }
    >
      {type === 'trigger' && (
        <label className="field">
          <span>{t('rules.startForm')}</span>
          <FormSelect forms={forms} value={form} onChange={setForm} testId="rule-create-form" />
        </label>
      )}
    </CreateDialog>
  );
}
