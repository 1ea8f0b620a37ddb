import { useTranslation } from 'react-i18next';
import { localize } from '@kiln/engine-forms';
import { currentLocale } from '../../shared/i18n';
import { linkClick } from '../../shared/router';
import { ErrorNotice } from '../components/error-notice';
import { readableForms, visibleDashboards } from '../lib/access';
import { appMeta, listApps, type AppSummary } from '../lib/metadata';
import { useAsync } from '../lib/use-async';

/**
 * The apps listed, less those where the caller's permissions (`access` of each app's metadata)
 * leave no form to read and no dashboard to open. An app never published, or whose metadata
 * cannot be loaded, stays listed.
 */
async function visibleApps(): Promise<AppSummary[]> {
  const apps = await listApps();
  const shown = await Promise.all(
    apps.map((a) =>
      // Never published: nothing to filter (and nothing to open yet).
      a.version === null ? true : appMeta(a.key).then(
        (m) => !m.access || readableForms(m.forms ?? {}, m.access).length > 0 || visibleDashboards(m.dashboards, m.access).length > 0,
        () => true,
      ),
    ),
  );
  return apps.filter((_, i) => shown[i]);
}

/** Every app the operator can see (`app-<key>`). */
export function AppsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const apps = useAsync(visibleApps, []);
  return (
    <div className="page">
      <h1 className="page-title">{t('apps.title')}</h1>
      {apps.loading && !apps.data && <div className="spinner">{t('common.loading')}</div>}
      {apps.error !== undefined && <ErrorNotice error={apps.error} onRetry={apps.reload} />}
      {apps.data && apps.data.length === 0 && <p className="muted">{t('apps.empty')}</p>}
      <div className="tiles">
        {apps.data?.map((a) => (
          <a key={a.key} className="tile card" href={`/app/${encodeURIComponent(a.key)}`} onClick={linkClick} data-testid={`app-${a.key}`}>
            <strong>{(a.name && localize(a.name, locale)) || a.key}</strong>
            <span className="muted">{a.key}</span>
            <span className="muted small">{a.version ? t('apps.version', { version: a.version }) : t('apps.unpublished')}</span>
          </a>
        ))}
      </div>
    </div>
  );
}
