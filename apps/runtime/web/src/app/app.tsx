import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, getToken } from '../shared/api';
import { navigate, useLocation } from '../shared/router';
import { Header } from './components/header';
import { AppsPage } from './pages/apps-page';
import { FormsPage } from './pages/forms-page';
import { LoginPage } from './pages/login-page';
import { RecordsPage } from './pages/records-page';

// The record editor carries rjsf + Ajv; load it only when a record is opened.
const RecordPage = lazy(() => import('./pages/record-page'));

interface Me {
  id: number;
  email: string;
  role: string;
}

function routeOf(pathname: string): string[] {
  return pathname.replace(/^\/app\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

/** The operator UI: login, apps, forms, records and the record editor under `/app`. */
export function App() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const parts = routeOf(pathname);
  const isLogin = parts[0] === 'login';
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

  let page;
  if (isLogin) page = <LoginPage />;
  else if (!token) page = null;
  else if (parts.length === 0) page = <AppsPage />;
  else if (parts.length === 1) page = <FormsPage app={parts[0]} />;
  else if (parts.length === 2) page = <RecordsPage key={`${parts[0]}/${parts[1]}`} app={parts[0]} form={parts[1]} />;
  else if (parts.length === 3)
    page = (
      <Suspense fallback={<div className="spinner">{t('common.loading')}</div>}>
        <RecordPage key={pathname} app={parts[0]} form={parts[1]} id={parts[2] === 'new' ? undefined : parts[2]} />
      </Suspense>
    );
  else
    page = (
      <div className="page">
        <h1 className="page-title">{t('notFound.title')}</h1>
        <a href="/app">{t('notFound.back')}</a>
      </div>
    );

  return (
    <div className="shell">
      <Header email={isLogin ? undefined : me?.email} />
      <main>{page}</main>
    </div>
  );
}
