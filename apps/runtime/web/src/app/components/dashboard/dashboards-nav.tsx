import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardDefinition } from '@kiln/engine-reports';
import { currentLocale } from '../../../shared/i18n';
import { linkClick } from '../../../shared/router';
import { visibleDashboards } from '../../lib/access';
import { appOfPath, dashboardHref } from '../../lib/app-route';
import { textOf } from '../../lib/localized';
import { appMeta } from '../../lib/metadata';
import './dashboards-nav.css';

/**
 * The header's dashboards menu while inside an app that has dashboards (`nav-dashboards`, one
 * link `nav-dashboard-<key>` each, only those showing a report the caller may open). Reads the
 * app's cached metadata; shows nothing on failure.
 */
export function DashboardsNav({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const app = appOfPath(pathname);
  const [dashboards, setDashboards] = useState<DashboardDefinition[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    setOpen(false);
  }, [pathname]);
  useEffect(() => {
    if (!app) return setDashboards([]);
    let alive = true;
    appMeta(app).then(
      (m) => alive && setDashboards(visibleDashboards(m.dashboards, m.access)),
      () => alive && setDashboards([]),
    );
    return () => {
      alive = false;
    };
  }, [app]);
  if (!app || !dashboards.length) return null;
  const prefix = `/app/${encodeURIComponent(app)}/dashboards/`;
  const active = pathname.startsWith(prefix);
  const locale = currentLocale();
  return (
    <div className="topnav-menu">
      <button type="button" className={`topnav-menu-btn${active ? ' active' : ''}`} data-testid="nav-dashboards" aria-expanded={open} aria-label={t('dashboards.nav')} onClick={() => setOpen((o) => !o)}>
        <span className="topnav-menu-icon" aria-hidden="true">
          ▦
        </span>
        <span className="topnav-menu-text">{t('dashboards.nav')} ▾</span>
      </button>
      {open && (
        <div className="topnav-menu-list card" role="menu">
          {dashboards.map((d) => {
            const href = dashboardHref(app, d.key);
            return (
              <a key={d.key} role="menuitem" href={href} onClick={linkClick} className={pathname === href ? 'active' : undefined} data-testid={`nav-dashboard-${d.key}`}>
                {textOf(d.name, locale) || d.key}
              </a>
            );
          })}
        </div>
      )}
    </div>
  );
}
