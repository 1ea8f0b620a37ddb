/**
 * The operator's dashboard page, `/app/{app}/dashboards/{key}?<param>=<value>…`.
 *
 * Test ids (for e2e):
 * - page: `dashboard` (the full-screen element; `data-wall="true"` in full screen), `dashboard-title`,
 *   `dashboard-not-found`
 * - filters: `dashboard-filters`, `dashboard-filter-<param>` (select or input); date ranges also
 *   `dashboard-filter-<param>-from` / `-to` once "custom" is chosen
 * - refresh: `dashboard-refresh` (all cards), `dashboard-updated` ("last updated"),
 *   `dashboard-autorefresh` (`data-state="running|paused"`, only with `refreshSeconds`),
 *   `dashboard-refresh-pause`
 * - full screen: `dashboard-fullscreen` (toggle; Esc also leaves)
 * - grid: `dashboard-grid`; per item `dashboard-card-<itemId>` (`data-loading="true|false"`),
 *   `dashboard-card-title-<itemId>`, `report-refresh-<itemId>`, `report-export-<itemId>`,
 *   `report-view-<itemId>` (`data-visual=<type>`); inside a view: `kpi-value`, `kpi-change`
 *   (`data-direction`), `report-table`, `report-cell-<row>-<column>`, `report-pivot`,
 *   `pivot-row-<i>-<dim>`, `pivot-col-<i>-<dim>`, `pivot-total-row`, `tree-levels`,
 *   `tree-level-<depth>`, `report-empty`
 * - drill: `drill-breadcrumb`, `drill-back`, `drill-level-<n>`, `drill-current`; when a click
 *   can both drill and list records `drill-menu`, `drill-menu-next`, `drill-menu-records`;
 *   records panel `drill-records`, `drill-records-table`, `drill-records-row-<id>`,
 *   `drill-records-count`, `drill-records-more`, `drill-records-close`
 * - errors: `error-notice` (in a card or the page)
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '@kiln/engine-forms';
import { currentLocale } from '../../../shared/i18n';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { DashboardCard } from '../../components/dashboard/dashboard-card';
import { DashboardFilters } from '../../components/dashboard/dashboard-filters';
import { RefreshControl } from '../../components/dashboard/refresh-control';
import { ErrorNotice } from '../../components/error-notice';
import { textOf } from '../../lib/localized';
import { appMeta } from '../../lib/metadata';
import { useAsync } from '../../lib/use-async';
import { useAutoRefresh } from '../../lib/use-auto-refresh';
import { useDashboardFilters } from '../../lib/use-dashboard-filters';
import { useFullscreen } from '../../lib/use-fullscreen';
import { DashboardGrid, rowsOf } from './dashboard-grid';
import './dashboard.css';

/** One published dashboard of `app`: shared filters, the report grid, auto-refresh, drill-down, wall-screen mode. */
export default function DashboardPage({ app, dashboard }: { app: string; dashboard: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const meta = useAsync(() => appMeta(app, true), [app]);
  const def = meta.data?.dashboards?.[dashboard];
  const filters = useDashboardFilters(def?.filters);
  const [paused, setPaused] = useState(false);
  const [manual, setManual] = useState(0);
  const auto = useAutoRefresh(def?.refreshSeconds, paused);
  const [lastUpdated, setLastUpdated] = useState<Date>();
  const onLoaded = useCallback((at: Date) => setLastUpdated((prev) => (prev && prev > at ? prev : at)), []);
  const wallRef = useRef<HTMLDivElement>(null);
  const wall = useFullscreen(wallRef);

  if (meta.error !== undefined)
    return (
      <div className="page">
        <ErrorNotice error={meta.error} onRetry={meta.reload} />
      </div>
    );
  if (!meta.data) return <div className="spinner">{t('common.loading')}</div>;
  const appName = (meta.data.name && localize(meta.data.name, locale)) || app;
  const crumbs = [
    { href: '/app', label: t('app.apps') },
    { href: `/app/${encodeURIComponent(app)}`, label: appName },
  ];
  if (!def)
    return (
      <div className="page">
        <Breadcrumbs items={crumbs} />
        <p className="muted" data-testid="dashboard-not-found">
          {t('dashboards.notFound')}
        </p>
      </div>
    );

  const name = textOf(def.name, locale) || dashboard;
  const reports = meta.data.reports ?? {};
  return (
    <div className="page page-wide dash-page">
      <Breadcrumbs items={[...crumbs, { label: name }]} />
      <div ref={wallRef} className={`dash-wall${wall.active ? ' is-wall' : ''}${wall.pseudo ? ' is-pseudo' : ''}`} data-testid="dashboard" data-wall={wall.active ? 'true' : 'false'}>
        <div className="dash-head">
          <h1 className="page-title" data-testid="dashboard-title">
            {name}
          </h1>
          <div className="dash-tools">
            <RefreshControl
              seconds={def.refreshSeconds}
              paused={paused}
              lastUpdated={lastUpdated}
              locale={locale}
              onTogglePause={() => setPaused((p) => !p)}
              onRefresh={() => setManual((n) => n + 1)}
            />
            <button type="button" className="btn btn-small" data-testid="dashboard-fullscreen" aria-pressed={wall.active} onClick={wall.toggle}>
              {wall.active ? `⤡ ${t('dashboard.exitFullscreen')}` : `⤢ ${t('dashboard.fullscreen')}`}
            </button>
          </div>
        </div>
        <DashboardFilters app={app} filters={def.filters ?? []} values={filters.values} locale={locale} onChange={filters.set} />
        <DashboardGrid
          items={def.items}
          rows={rowsOf(def.items)}
          render={(item) => (
            <DashboardCard
              app={app}
              item={item}
              report={reports[item.report]}
              params={filters.values}
              tick={auto + manual}
              locale={locale}
              theme={wall.active ? 'dark' : 'light'}
              forms={meta.data!.forms}
              onLoaded={onLoaded}
            />
          )}
        />
      </div>
    </div>
  );
}
