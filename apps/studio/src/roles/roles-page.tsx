import { useTranslation } from 'react-i18next';
import { useAsync } from '../hooks/useAsync';
import { useLocale } from '../hooks/useLocale';
import { endpoints } from '../api/endpoints';
import { Link } from '../router/link';
import { paths } from '../router/routes';
import { ErrorText } from '../ui/error-text';
import { pick } from '../ui/localized';
import { RoleEditor } from './editor/role-editor';
import { useLoadRoleContext } from './hooks/useLoadRoleContext';
import './i18n/register';
import { RoleList } from './list/role-list';
import { MembersTab } from './members/members-tab';
import { ROLES_TABS, showRolesTab, useRolesPage, type RolesPageState } from './store/page-ui';
import { TokensTab } from './tokens/tokens-tab';
import { ViewAsTab } from './viewas/view-as-tab';
import '../styles/designer.css';
import '../styles/rules.css';
import '../styles/flows.css';
import '../styles/users.css';
import './roles.css';

const selectTab = (s: RolesPageState) => s.tab;

/**
 * The roles route (`/apps/:app/roles[/:role]`, `roles-page`): tabs Roles (list + editor of the
 * open role), Members, API tokens and View as. The role editor stays mounted behind the other
 * tabs, so switching tabs keeps its unsaved edits.
 */
export default function RolesPage({ app, role }: { app: string; role: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tab = useRolesPage(selectTab);
  const ctx = useLoadRoleContext(app);
  const apps = useAsync(() => endpoints.listApps(), []);
  const appName = pick(apps.data?.items.find((a) => a.key === app)?.name, locale, app);
  return (
    <div className="roles-page" data-testid="roles-page" data-tab={tab}>
      <div className="roles-head">
        <nav className="crumbs">
          <Link to={paths.apps()}>{t('apps.title')}</Link>
          <span>/</span>
          <Link to={paths.app(app)} data-testid="roles-back">
            {appName}
          </Link>
          <span>/</span>
          <span>{t('roles.pageTitle')}</span>
        </nav>
        <div className="flow-tabs conn-tabs roles-tabs" role="tablist">
          {ROLES_TABS.map((k) => (
            <button
              key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'flow-tab is-active' : 'flow-tab'}
              onClick={() => showRolesTab(k)} data-testid={`roles-tab-${k}`}
            >
              {t(`roles.tabs.${k}`)}
            </button>
          ))}
        </div>
      </div>
      <ErrorText error={ctx.error} />
      {!ctx.loaded && !ctx.error && <div className="page-loading">{t('common.loading')}</div>}
      {ctx.loaded && (
        <div className="roles-body">
          <div className="roles-split" hidden={tab !== 'roles'}>
            <RoleList app={app} selected={role} />
            {role ? <RoleEditor key={role} app={app} role={role} /> : <div className="role-editor page-empty">{t('roles.pickRole')}</div>}
          </div>
          {tab === 'members' && <MembersTab app={app} />}
          {tab === 'tokens' && <TokensTab app={app} />}
          {tab === 'viewas' && <ViewAsTab app={app} />}
        </div>
      )}
    </div>
  );
}
