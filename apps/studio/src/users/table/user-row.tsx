import { useTranslation } from 'react-i18next';
import { userLabel, type AdminUser } from '../user-types';

interface Props {
  user: AdminUser;
  manager: AdminUser | undefined;
  onEdit: (user: AdminUser) => void;
  onUnlock: (user: AdminUser) => void;
}

/**
 * One user in the table (`user-row-<id>`, with `data-email` and `data-disabled`): email, name,
 * role, groups as chips (`user-groups-<id>`), manager (`user-manager-<id>`), status (`user-locked-<id>`
 * while a sign-in lock is in force, with `user-unlock-<id>`) and edit.
 */
export function UserRow({ user, manager, onEdit, onUnlock }: Props) {
  const { t } = useTranslation();
  return (
    <tr data-testid={`user-row-${user.id}`} data-email={user.email} data-disabled={String(user.disabled)} className={user.disabled ? 'is-disabled' : undefined}>
      <td>
        <code>{user.email}</code>
      </td>
      <td>{user.displayName || <span className="muted">—</span>}</td>
      <td>
        <span className="badge role-badge" data-role={user.role}>
          {t(`users.roles.${user.role}`)}
        </span>
      </td>
      <td>
        <div className="user-chips" data-testid={`user-groups-${user.id}`} data-groups={user.groups.join(',')}>
          {user.groups.map((g) => (
            <span key={g} className="user-chip">
              {g}
            </span>
          ))}
        </div>
      </td>
      <td data-testid={`user-manager-${user.id}`} data-manager-id={user.managerId ?? ''}>
        {manager ? userLabel(manager) : <span className="muted">—</span>}
      </td>
      <td>
        <span className={user.disabled ? 'badge badge-warn' : 'badge badge-ok'}>{user.disabled ? t('users.inactive') : t('users.active')}</span>
        {user.locked && user.lockedUntil ? (
          <span className="badge badge-warn" title={t('users.lockedHint')} data-testid={`user-locked-${user.id}`}>
            {t('users.locked', { time: new Date(user.lockedUntil).toLocaleString() })}
          </span>
        ) : null}
      </td>
      <td className="row-actions">
        {user.locked ? (
          <button type="button" className="btn btn-sm" onClick={() => onUnlock(user)} data-testid={`user-unlock-${user.id}`}>
            {t('users.unlock')}
          </button>
        ) : null}
        <button type="button" className="btn btn-sm" onClick={() => onEdit(user)} data-testid={`user-edit-${user.id}`}>
          {t('users.edit')}
        </button>
      </td>
    </tr>
  );
}
