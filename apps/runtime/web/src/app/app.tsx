import { lazy, Suspense, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, getToken } from '../shared/api';
import { navigate, useLocation } from '../shared/router';
import { Header } from './components/header';
import { dashboardOf, OWN_PAGES, routeOf } from './lib/app-route';
import { AppsPage } from './pages/apps-page';
import { InstancePage } from './pages/flows/instance-page';
import { SubmissionsPage } from './pages/flows/submissions-page';
import { FormsPage } from './pages/forms-page';
import { LoginPage } from './pages/login-page';
import { RecordsPage } from './pages/records-page';
import { TasksPage } from './pages/tasks/tasks-page';

// The record editor and the task page carry rjsf + Ajv; load them only when one is opened.
const RecordPage = lazy(() => import('./pages/record-page'));
const TaskPage = lazy(() => import('./pages/tasks/task-page'));
// Dashboards carry ECharts: their own chunk, loaded when one is opened.
const DashboardPage = lazy(() => import('./pages/dashboards/dashboard-page'));

interface Me {
  id: number;
  email: string;
  role: string;
}

/**
 * The operator UI under `/app`: login, apps, forms, records and the record editor, plus the
 * task inbox (`/app/tasks`, `/app/tasks/{id}`), my submissions (`/app/submissions`) and flow
 * instances (`/app/instances/{id}`), and an app's dashboards (`/app/{app}/dashboards/{key}`).
 */
export function App() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const parts = routeOf(pathname);
  const isLogin = parts[0] === 'login';
  const dashboard = dashboardOf(parts);
  const token = getToken();
  const [me, setMe] = useState<Me | undefined>();

  useEffect(() => {
    if (!isLogin && !token) navigate(`/app/login?next=${encodeURIComponent(pathname + window.location.search)}`, { replace: true });
  }, [isLogin, token, pathname]);
  useEffect(() => {
    if (isLogin || !token) {
      setMe(undefined);
      return;
    }
    api<Me>('/api/me').then(setMe, (e: unknown) => {
      if (!(e instanceof ApiError && e.status === 401)) setMe(undefined);
    });
  }, [isLogin, token]);
  useEffect(() => {
    document.title = t('app.brand');
  }, [t, i18n.language]);

  const loading = <div className="spinner">{t('common.loading')}</div>;
  let page;
  if (isLogin) page = <LoginPage />;
  else if (!token) page = null;
  else if (OWN_PAGES.has(parts[0]) && parts.length <= 2) page = ownPage(parts, loading);
  else if (parts.length === 0) page = <AppsPage />;
  else if (parts.length === 1) page = <FormsPage app={parts[0]} />;
  else if (parts.length === 2) page = <RecordsPage key={`${parts[0]}/${parts[1]}`} app={parts[0]} form={parts[1]} />;
  else if (dashboard !== undefined)
    page = (
      <Suspense fallback={loading}>
        <DashboardPage key={`${parts[0]}/${dashboard}`} app={parts[0]} dashboard={dashboard} />
      </Suspense>
    );
  else if (parts.length === 3)
    page = (
      <Suspense fallback={loading}>
        <RecordPage key={pathname} app={parts[0]} form={parts[1]} id={parts[2] === 'new' ? undefined : parts[2]} />
      </Suspense>
    );
  else page = <NotFound />;

  return (
    <div className="shell">
      <Header email={isLogin ? undefined : me?.email} />
      <main>{page}</main>
    </div>
  );
}

/** The inbox, task, submissions and instance pages (`parts[0]` is in OWN_PAGES). */
function ownPage(parts: string[], loading: ReactElement): ReactElement {
  const [kind, id] = parts;
  if (kind === 'tasks' && id === undefined) return <TasksPage />;
  if (kind === 'tasks' && /^\d+$/.test(id))
    return (
      <Suspense fallback={loading}>
        <TaskPage key={id} id={id} />
      </Suspense>
    );
  if (kind === 'submissions' && id === undefined) return <SubmissionsPage />;
  if (kind === 'instances' && id !== undefined && /^\d+$/.test(id)) return <InstancePage key={id} id={id} />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1 className="page-title">{t('notFound.title')}</h1>
      <a href="/app">{t('notFound.back')}</a>
    </div>
  );
}
