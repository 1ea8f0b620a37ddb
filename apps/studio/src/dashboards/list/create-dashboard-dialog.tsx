import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import { CreateDialog } from '../../ui/create-dialog';
import { newDashboard } from '../model/normalize';

interface Props {
  app: string;
  existing: string[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New dashboard": key and name in both languages (an empty grid; reports are added in the editor). */
export function CreateDashboardDialog({ app, existing, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <CreateDialog
      title={t('dashboards.create')} testId="dashboard-create-dialog" prefix="dashboard" existing={existing} onClose={onClose}
      labels={{ key: t('dashboards.key'), zh: t('dashboards.nameZh'), en: t('dashboards.nameEn'), taken: t('dashboards.keyTaken') }}
      nameTestIds={{ zh: 'dashboard-create-name-zh', en: 'dashboard-create-name-en' }}
      create={async ({ key, name }) => {
        await endpoints.saveDashboard(app, key, newDashboard(key, name));
        onCreated(key);
      }}
    />
  );
}
