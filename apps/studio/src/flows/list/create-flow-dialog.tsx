import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FormDraft } from '../../api/types';
import { CreateDialog } from '../../ui/create-dialog';
import { FormSelect } from '../../ui/form-select';
import { newFlow } from '../model/new-flow';

interface Props {
  app: string;
  existing: string[];
  forms: FormDraft[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New flow": key, name in both languages, and the form whose records it runs on. */
export function CreateFlowDialog({ app, existing, forms, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(forms.length === 1 ? forms[0].key : '');
  return (
    <CreateDialog
      title={t('flows.create')} testId="flow-create-dialog" prefix="flow" existing={existing} ready={!!form} onClose={onClose}
      labels={{ key: t('flows.key'), zh: t('flows.nameZh'), en: t('flows.nameEn'), taken: t('flows.keyTaken') }}
      nameTestIds={{ zh: 'flow-create-name-zh', en: 'flow-create-name-en' }}
      create={async ({ key, name }) => {
        await endpoints.saveFlow(app, key, newFlow(key, name, form));
        onCreated(key);
      }}
    >
      <label className="field">
        <span>{t('flows.settings.form')}</span>
        <FormSelect forms={forms} value={form} onChange={setForm} testId="flow-create-form" />
        <small className="hint">{t('flows.settings.formHint')}</small>
      </label>
    </CreateDialog>
  );
}
