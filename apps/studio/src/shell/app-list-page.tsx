import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../api/endpoints';
import { useAsync } from '../hooks/useAsync';
import { useLocale } from '../hooks/useLocale';
import { navigate } from '../router/history';
import { Link } from '../router/link';
import { paths } from '../router/routes';
import { ErrorText } from '../ui/error-text';
import { pick } from '../ui/localized';
import { CreateAppDialog } from './create-app-dialog';

/** The list of apps the user may build, with "create app". */
export default function AppListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, error, loading } = useAsync(() => endpoints.listApps(), []);
  const [creating, setCreating] = useState(false);
  const items = data?.items ?? [];

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('apps.title')}</h1>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="app-create">
          + {t('apps.create')}
        </button>
      </div>
      <ErrorText error={error} />
      {loading && !data ? <div className="muted">{t('common.loading')}</div> : null}
      {data && items.length === 0 ? <div className="page-empty">{t('apps.empty')}</div> : null}
      <div className="card-grid">
        {items.map((app) => (
          <Link key={app.key} to={paths.app(app.key)} className="app-card" data-testid={`app-card-${app.key}`}>
            <div className="app-card-name">{pick(app.name, locale, app.key)}</div>
            <div className="app-card-meta">
              <code>{app.key}</code>
              <span className={app.version ? 'badge badge-ok' : 'badge'}>
                {app.version ? t('apps.version', { version: app.version }) : t('apps.unpublished')}
              </span>
            </div>
          </Link>
        ))}
      </div>
      {creating && (
        <CreateAppDialog onClose={() => setCreating(false)} onCreated={(key) => navigate(paths.app(key))} />
      )}
    </div>
  );
}
