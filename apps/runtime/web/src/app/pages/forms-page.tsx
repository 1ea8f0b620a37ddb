import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '@kiln/engine-forms';
import { currentLocale } from '../../shared/i18n';
import { linkClick } from '../../shared/router';
import { Breadcrumbs } from '../components/breadcrumbs';
import { DashboardLinks } from '../components/dashboard/dashboard-links';
import { ErrorNotice } from '../components/error-notice';
import { formAccess, readableForms, visibleDashboards, visibleForm } from '../lib/access';
import { appMeta } from '../lib/metadata';
import { useAsync } from '../lib/use-async';

/**
 * The published forms of one app the caller may read (`form-<key>`), with their public links,
 * then its dashboards (`dashboard-link-<key>`).
 */
export function FormsPage({ app }: { app: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const meta = useAsync(() => appMeta(app, true), [app]);
  const access = meta.data?.access;
  // Only the forms the caller may read, and the dashboards showing a report they may open.
  const forms = readableForms(meta.data?.forms ?? {}, access);
  const allForms = Object.keys(meta.data?.forms ?? {}).length;
  const dashboards = useMemo(
    () => (meta.data ? Object.fromEntries(visibleDashboards(meta.data.dashboards, meta.data.access).map((d) => [d.key, d])) : undefined),
    [meta.data],
  );
  const appName = (meta.data?.name && localize(meta.data.name, locale)) || app;
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: '/app', label: t('app.apps') }, { label: appName }]} />
      <h1 className="page-title">{t('forms.title')}</h1>
      {meta.loading && !meta.data && <div className="spinner">{t('common.loading')}</div>}
      {meta.error !== undefined && <ErrorNotice error={meta.error} onRetry={meta.reload} />}
      {meta.data && forms.length === 0 && (
        <p className="muted" data-testid="forms-empty">
          {allForms > 0 ? t('access.noForms') : t('forms.empty')}
        </p>
      )}
      <div className="tiles">
        {forms.map((f) => (
          <div key={f.key} className="tile card">
            <a href={`/app/${encodeURIComponent(app)}/${encodeURIComponent(f.key)}`} onClick={linkClick} data-testid={`form-${f.key}`}>
              <strong>{localize(f.title, locale) || f.key}</strong>
            </a>
            <span className="muted">{f.key} · {t('forms.fields', { count: visibleForm(f, formAccess(access, f.key)).fields.length })}</span>
            {f.public?.enabled && (
              <a className="small" href={`/f/${encodeURIComponent(f.public.slug)}`} target="_blank" rel="noreferrer">
                {t('forms.publicLink')}: /f/{f.public.slug}
              </a>
            )}
          </div>
        ))}
      </div>
      <DashboardLinks app={app} dashboards={dashboards} locale={locale} />
    </div>
  );
}
