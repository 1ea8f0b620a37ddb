import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import { isApiError } from '../api/api-error';
import { CreateDialog } from '../ui/create-dialog';

interface Props {
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "Create app": a key plus the name in both languages; `POST /api/apps`. */
export function CreateAppDialog({ onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <CreateDialog
      title={t('apps.create')} prefix="app" onClose={onClose}
      labels={{ key: t('apps.key'), zh: t('apps.nameZh'), en: t('apps.nameEn') }}
      nameTestIds={{ zh: 'app-name-zh', en: 'app-name-en' }}
      create={async ({ key, name }) => {
        const res = await endpoints.createApp(key, name);
        onCreated(res?.key ?? key);
      }}
      mapError={(e, key) => (isApiError(e, 409) ? new Error(t('apps.exists', { key })) : e)}
    />
  );
}
