import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { confirmAction } from '../../ui/confirm';
import { ListPanel } from '../common/list-panel';
import { pick } from '../../ui/localized';
import { rolesApi } from '../api/roles-api';
import type { AppMember } from '../api/types';
import { useMembers } from '../hooks/useMembers';
import { usePublishedRoles } from '../hooks/usePublishedRoles';
import { MemberDialog } from './member-dialog';

/**
 * The app's explicit role members (`members-tab`): a table (`member-row-<userId>`, `data-roles`)
 * with edit (`member-edit-<userId>`) and remove (`member-remove-<userId>`, asks first; a PUT with
 * no roles), and "add member" (`member-add`). Automatic holders (global roles, groups) are set
 * on each role.
 */
export function MembersTab({ app }: { app: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const members = useMembers(app);
  const roles = usePublishedRoles(app);
  const [editing, setEditing] = useState<AppMember | 'new' | null>(null);
  const [error, setError] = useState<unknown>();
  const roleItems = roles.data ?? [];
  const roleName = (key: string) => pick(roleItems.find((r) => r.key === key)?.definition?.name, locale, key);
  const items = members.data?.items ?? [];
  const remove = async (m: AppMember) => {
    if (!(await confirmAction(t('roles.members.confirmRemove', { name: m.displayName || m.email }), { danger: true }))) return;
    try {
      await rolesApi.putMember(app, { userId: m.userId, roles: [] });
      members.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="roles-pane role-native-undo" data-testid="members-tab">
      <ListPanel
        title={t('roles.members.title')}
        hint={t('roles.members.hint')}
        addLabel={t('roles.members.add')}
        addTestId="member-add"
        onAdd={() => setEditing('new')}
        error={members.error ?? error}
        loading={members.loading && !members.data}
        empty={Boolean(members.data) && items.length === 0}
        emptyText={t('roles.members.empty')}
        rows={items.length}
        emptyTestId="members-empty"
      >
        <table className="table" data-testid="members-table" data-count={items.length}>
          <thead>
            <tr>
              <th>{t('roles.members.user')}</th>
              <th>{t('roles.members.email')}</th>
              <th>{t('roles.members.roles')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.userId} data-testid={`member-row-${m.userId}`} data-email={m.email} data-roles={m.roles.join(',')}>
                <td>{m.displayName || <span className="muted">—</span>}</td>
                <td>
                  <code>{m.email}</code>
                </td>
                <td>
                  <div className="user-chips">
                    {m.roles.map((r) => (
                      <span key={r} className="user-chip" title={r}>
                        {roleName(r)}
                      </span>
                    ))}
                  </div>
                </td>
                <td className="row-actions">
                  <button type="button" className="btn btn-sm" onClick={() => setEditing(m)} data-testid={`member-edit-${m.userId}`}>
                    {t('roles.members.edit')}
                  </button>
                  <button type="button" className="btn btn-sm btn-danger" onClick={() => void remove(m)} data-testid={`member-remove-${m.userId}`}>
                    {t('roles.members.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListPanel>
      {editing && (
        <MemberDialog
          app={app} member={editing === 'new' ? undefined : editing} roleKeys={roleItems.map((r) => r.key)} existing={items}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            members.reload();
          }}
        />
      )}
    </div>
  );
}
