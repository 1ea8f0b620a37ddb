import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../user-types';
import { UserRow } from './user-row';

interface Props {
  /** The rows to show (after the search). */
  shown: AdminUser[];
  /** Every user, to name managers the search hides. */
  all: AdminUser[];
  onEdit: (user: AdminUser) => void;
  onUnlock: (user: AdminUser) => void;
}

/** The users table (`users-table`). */
export function UsersTable({ shown, all, onEdit, onUnlock }: Props) {
  const { t } = useTranslation();
  const byId = useMemo(() => new Map(all.map((u) => [u.id, u])), [all]);
  return (
    <table className="table users-table" data-testid="users-table">
      <thead>
        <tr>
          <th>{t('users.email')}</th>
          <th>{t('users.name')}</th>
          <th>{t('users.role')}</th>
          <th>{t('users.groups')}</th>
          <th>{t('users.manager')}</th>
          <th>{t('users.status')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {shown.map((u) => (
          <UserRow key={u.id} user={u} manager={u.managerId === null ? undefined : byId.get(u.managerId)} onEdit={onEdit} onUnlock={onUnlock} />
        ))}
      </tbody>
    </table>
  );
}
