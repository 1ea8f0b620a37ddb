import { useTranslation } from 'react-i18next';
import { CreateDialog } from '../../ui/create-dialog';
import { rolesApi } from '../api/roles-api';
import { newRole } from '../model/new-role';

interface Props {
  app: string;
  existing: string[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** "New role": key and names → an empty role saved as a draft (grants are added in the matrix). */
export function CreateRoleDialog({ app, existing, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <CreateDialog
      title={t('roles.create')} testId="role-create-dialog" prefix="role" existing={existing} onClose={onClose}
      labels={{ key: t('roles.key'), zh: t('roles.nameZh'), en: t('roles.nameEn'), taken: t('roles.keyTaken') }}
      nameTestIds={{ zh: 'role-create-name-zh', en: 'role-create-name-en' }}
      create={async ({ key, name }) => {
        await rolesApi.save(app, key, newRole(key, name));
        onCreated(key);
      }}
    />
  );
}
