import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { navigate } from '../../router/history';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { confirmAction } from '../../ui/confirm';
import { ErrorText } from '../../ui/error-text';
import { pick } from '../../ui/localized';
import { rolesApi } from '../api/roles-api';
import { useRoleList } from '../hooks/useRoleList';
import { reloadRoleList } from '../store/page-ui';
import { useRoleStore } from '../store/role-store';
import { useRoleUi } from '../store/role-ui';
import { CreateRoleDialog } from './create-role-dialog';
import { RenameRoleDialog } from './rename-role-dialog';

/**
 * The app's roles (`role-list`): each opens in the editor beside it (`role-item-<key>`,
 * `data-selected`), with rename and delete; "new role" on top. With no role open, the first
 * one opens.
 */
export function RoleList({ app, selected }: { app: string; selected: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRoleList(app);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const items = list.data?.items ?? [];
  const keys = items.map((d) => d.key);
  const first = keys[0];

  useEffect(() => {
    if (!selected && first) navigate(paths.roles(app, first), { replace: true });
  }, [selected, first, app]);

  const remove = async (key: string) => {
    if (!(await confirmAction(t('roles.confirmDelete', { key }), { danger: true }))) return;
    try {
      await rolesApi.remove(app, key);
      if (key === selected) {
        // Deleted on purpose: leaving must not ask about its unsaved edits.
        useRoleUi.setState({ savedJson: JSON.stringify(useRoleStore.getState().doc) });
        navigate(paths.roles(app), { replace: true });
      }
      reloadRoleList();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <aside className="role-list" data-testid="role-list" data-count={items.length}>
      <div className="pane-title">
        {t('roles.title')}
        <button type="button" className="btn btn-sm" onClick={() => setCreating(true)} data-testid="role-create">
          + {t('roles.create')}
        </button>
      </div>
      <ErrorText error={list.error ?? error} />
      {list.loading && !list.data && <div className="muted pad">{t('common.loading')}</div>}
      {list.data && items.length === 0 && <div className="muted pad" data-testid="role-list-empty">{t('roles.empty')}</div>}
      <ul className="role-items">
        {items.map(({ key, definition }) => (
          <li key={key} className={key === selected ? 'role-item is-selected' : 'role-item'} data-testid={`role-item-${key}`} data-selected={key === selected}>
            <Link to={paths.roles(app, key)} className="role-item-link" data-testid={`role-open-${key}`}>
              <span className="role-item-name">{pick(definition?.name, locale, key)}</span>
              <code className="muted-code">{key}</code>
            </Link>
            <span className="role-item-actions">
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRenaming(key)} title={t('roles.rename')} data-testid={`role-rename-${key}`}>
                {t('roles.rename')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm btn-danger" onClick={() => void remove(key)} title={t('common.delete')} data-testid={`role-delete-${key}`}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      {creating && (
        <CreateRoleDialog
          app={app} existing={keys} onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            reloadRoleList();
            navigate(paths.roles(app, key));
          }}
        />
      )}
      {renaming && (
        <RenameRoleDialog
          app={app} from={renaming} existing={keys} onClose={() => setRenaming(null)}
          onRenamed={(key) => {
            const wasOpen = renaming === selected;
            setRenaming(null);
            reloadRoleList();
            if (wasOpen) navigate(paths.roles(app, key), { replace: true });
          }}
        />
      )}
    </aside>
  );
}
