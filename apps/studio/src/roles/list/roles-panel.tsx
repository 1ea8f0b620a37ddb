import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { Link } from '../../router/link';
import { paths } from '../../router/routes';
import { ErrorText } from '../../ui/error-text';
import { pick } from '../../ui/localized';
import { useRoleList } from '../hooks/useRoleList';
import '../i18n/register';

/**
 * The app page's "Roles & permissions" panel (`roles-panel`): the app's roles as links into the
 * roles page (`roles-link-<key>`) and a button opening it (`roles-open`).
 */
export function RolesPanel({ app }: { app: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useRoleList(app);
  const items = list.data?.items ?? [];
  return (
    <section className="panel" data-testid="roles-panel">
      <header className="panel-head panel-head-row">
        <span>{t('roles.pageTitle')}</span>
        <Link to={paths.roles(app)} className="btn btn-sm" data-testid="roles-open">
          {t('roles.openPage')}
        </Link>
      </header>
      <ErrorText error={list.error} />
      {list.data && items.length === 0 && <div className="page-empty">{t('roles.panelEmpty')}</div>}
      {items.length > 0 && (
        <ul className="version-list">
          {items.map((r) => (
            <li key={r.key}>
              <Link to={paths.roles(app, r.key)} data-testid={`roles-link-${r.key}`}>
                {pick(r.definition?.name, locale, r.key)}
              </Link>
              <code className="muted-code">{r.key}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
