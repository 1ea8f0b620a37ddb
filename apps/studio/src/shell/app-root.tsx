import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session';
import { navigate } from '../router/history';
import { paths } from '../router/routes';
import { useRoute } from '../router/useRoute';
import { ConfirmHost } from '../ui/confirm';
import { Header } from './header';

// One chunk per route: the designer (dnd-kit, formily, rjsf preview) loads only when opened.
const LoginPage = lazy(() => import('./login-page'));
const AppListPage = lazy(() => import('./app-list-page'));
const UsersPage = lazy(() => import('../users/users-page'));
const AppPage = lazy(() => import('./app-page'));
const DesignerPage = lazy(() => import('../designer/designer-page'));
const RulePage = lazy(() => import('../rules/rule-page'));
const FlowPage = lazy(() => import('../flows/flow-page'));
const ReportPage = lazy(() => import('../reports/report-page'));
const DashboardPage = lazy(() => import('../dashboards/dashboard-page'));
const ConnectorPage = lazy(() => import('../connectors/connector-page'));
const RolesPage = lazy(() => import('../roles/roles-page'));
const AuditPage = lazy(() => import('../audit/audit-page'));

const selectToken = (s: { token: string | null }) => s.token;

/** The studio shell: header plus the page of the current route; sends anonymous users to login. */
export function AppRoot() {
  const { t } = useTranslation();
  const route = useRoute();
  const token = useSession(selectToken);
  const needsLogin = !token && route.name !== 'login';

  useEffect(() => {
    if (needsLogin) navigate(paths.login(), { replace: true });
  }, [needsLogin]);

  if (needsLogin) return null;
  return (
    <div className="shell">
      <Header />
      <main className="shell-main">
        <Suspense fallback={<div className="page-loading">{t('common.loading')}</div>}>
          {route.name === 'login' && <LoginPage />}
          {route.name === 'apps' && <AppListPage />}
          {route.name === 'users' && <UsersPage />}
          {route.name === 'app' && <AppPage app={route.app} />}
          {route.name === 'form' && <DesignerPage key={`${route.app}/${route.form}`} app={route.app} form={route.form} />}
          {route.name === 'rule' && <RulePage key={`${route.app}/${route.rule}`} app={route.app} rule={route.rule} />}
          {route.name === 'flow' && <FlowPage key={`${route.app}/${route.flow}`} app={route.app} flow={route.flow} />}
          {route.name === 'report' && <ReportPage key={`${route.app}/${route.report}`} app={route.app} report={route.report} />}
          {route.name === 'dashboard' && <DashboardPage key={`${route.app}/${route.dashboard}`} app={route.app} dashboard={route.dashboard} />}
          {route.name === 'connector' && <ConnectorPage key={`${route.app}/${route.connector}`} app={route.app} connector={route.connector} />}
          {route.name === 'roles' && <RolesPage key={route.app} app={route.app} role={route.role} />}
          {route.name === 'audit' && <AuditPage />}
          {route.name === 'notFound' && <div className="page-empty">{t('common.notFound')}</div>}
        </Suspense>
      </main>
      <ConfirmHost />
    </div>
  );
}
