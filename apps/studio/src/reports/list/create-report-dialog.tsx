import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { FormDraft } from '../../api/types';
import { CreateDialog } from '../../ui/create-dialog';
import { FormSelect } from '../../ui/form-select';
import { newReport } from '../model/new-report';

interface Props {
  app: string;
  existing: string[];
  forms: FormDraft[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New report": key, name in both languages, and (optionally) the form it reads. */
export function CreateReportDialog({ app, existing, forms, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState('');
  return (
    <CreateDialog
      title={t('reports.create')} testId="report-create-dialog" prefix="report" existing={existing} onClose={onClose}
      labels={{ key: t('reports.key'), zh: t('reports.nameZh'), en: t('reports.nameEn'), taken: t('reports.keyTaken') }}
      nameTestIds={{ zh: 'report-create-name-zh', en: 'report-create-name-en' }}
      create={async ({ key, name }) => {
        await endpoints.saveReport(app, key, newReport(key, name, form));
        onCreated(key);
      }}
    >
      <label className="field">
        <span>{t('reports.dataset')}</span>
        <FormSelect forms={forms} value={form} onChange={setForm} testId="report-create-form" />
        <small className="hint">{t('reports.datasetHint')}</small>
      </label>
    </CreateDialog>
  );
}
