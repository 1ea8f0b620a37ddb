import { useTranslation } from 'react-i18next';
import type { DashboardDefinition } from '@kiln/engine-reports';
import type { Locale } from '@kiln/engine-forms';
import { linkClick } from '../../../shared/router';
import { dashboardHref } from '../../lib/app-route';
import { textOf } from '../../lib/localized';

/** The app page's dashboards section (`dashboards-section`, one tile `dashboard-link-<key>` each); nothing when there are none. */
export function DashboardLinks({ app, dashboards, locale }: { app: string; dashboards: Readonly<Record<string, DashboardDefinition>> | undefined; locale: Locale }) {
  const { t } = useTranslation();
  const list = Object.values(dashboards ?? {});
  if (!list.length) return null;
  return (
    <section className="dash-links" data-testid="dashboards-section">
      <h2 className="section-title">{t('dashboards.title')}</h2>
      <div className="tiles">
        {list.map((d) => (
          <a key={d.key} className="tile card" href={dashboardHref(app, d.key)} onClick={linkClick} data-testid={`dashboard-link-${d.key}`}>
            <strong>{textOf(d.name, locale) || d.key}</strong>
            <span className="muted">
              {d.key} · {t('dashboards.items', { count: d.items.length })}
            </span>
          </a>
        ))}
      </div>
    </section>
  );
}
