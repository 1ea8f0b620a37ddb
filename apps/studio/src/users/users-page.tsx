import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { useMe } from '../hooks/useMe';
import { ErrorText } from '../ui/error-text';
import { EditUserDialog } from './edit-user-dialog';
import { useGroupSuggestions } from './hooks/useGroupSuggestions';
import { useUsers } from './hooks/useUsers';
import { useUserSearch } from './hooks/useUserSearch';
import './i18n/register';
import { NewUserDialog } from './new-user-dialog';
import { UsersTable } from './table/users-table';
import type { AdminUser } from './user-types';
import { usersApi } from './users-api';
import '../styles/users.css';

/**
 * `/users` (admins): every user with their groups (positions) and manager, which approval
 * flows assign and escalate by; search, "new user" and per-row edit.
 */
export default function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { users, loaded, error, reload } = useUsers();
  const [groupsVersion, setGroupsVersion] = useState(0);
  const knownGroups = useGroupSuggestions(groupsVersion);
  const [query, setQuery] = useState('');
  const shown = useUserSearch(users, query);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);

  const [unlockError, setUnlockError] = useState<unknown>(null);
  const unlock = (u: AdminUser) => {
    setUnlockError(null);
    usersApi.unlock(u.id).then(reload, setUnlockError);
  };

  const saved = () => {
    setCreating(false);
    setEditing(null);
    reload();
    setGroupsVersion((v) => v + 1);
  };

  if (isApiError(error, 403)) {
    return (
      <div className="page" data-testid="users-page">
        <div className="page-empty">{t('users.forbidden')}</div>
      </div>
    );
  }
  return (
    <div className="page" data-testid="users-page">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <input
          className="input users-search"
          type="search"
          value={query}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="user-search"
        />
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} disabled={!loaded} data-testid="user-new">
          + {t('users.create')}
        </button>
      </div>
      <p className="muted users-subtitle">{t('users.subtitle')}</p>
      <ErrorText error={error ?? unlockError} />
      {!loaded && !error ? <div className="muted">{t('common.loading')}</div> : null}
      {loaded && (
        <section className="panel">
          <UsersTable shown={shown} all={users} onEdit={setEditing} onUnlock={unlock} />
          {users.length === 0 ? <div className="page-empty">{t('users.empty')}</div> : null}
          {users.length > 0 && shown.length === 0 ? <div className="page-empty">{t('users.noMatch', { q: query })}</div> : null}
          <div className="users-count muted small" data-testid="users-count">
            {t('users.count', { shown: shown.length, total: users.length })}
          </div>
        </section>
      )}
      {creating && <NewUserDialog users={users} knownGroups={knownGroups} onClose={() => setCreating(false)} onSaved={saved} />}
      {editing && (
        <EditUserDialog
          key={editing.id}
          user={editing}
          users={users}
          knownGroups={knownGroups}
          isSelf={me !== undefined && String(me.id) === String(editing.id)}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </div>
  );
}
