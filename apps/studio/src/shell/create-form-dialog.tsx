import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import { CreateDialog } from '../ui/create-dialog';

interface Props {
  app: string;
  existing: string[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New form": key and title; stores an empty draft with `PUT /api/apps/{app}/forms/{key}`. */
export function CreateFormDialog({ app, existing, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <CreateDialog
      title={t('forms.create')} prefix="form" existing={existing} onClose={onClose}
      labels={{ key: t('forms.key'), zh: t('forms.titleZh'), en: t('forms.titleEn'), taken: t('forms.keyTaken') }}
      nameTestIds={{ zh: 'form-title-zh', en: 'form-title-en' }}
      create={async ({ key, name }) => {
        await endpoints.saveForm(app, key, { formatVersion: 1, key, title: name, fields: [] });
        onCreated(key);
      }}
    />
  );
}
