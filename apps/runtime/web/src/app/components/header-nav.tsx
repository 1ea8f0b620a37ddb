import { useTranslation } from 'react-i18next';
import { linkClick, useLocation } from '../../shared/router';
import { useTaskCounts } from '../lib/task-counts';
import { DashboardsNav } from './dashboard/dashboards-nav';
import { FormsNav } from './forms-nav';

/**
 * The header's links to the inbox (`nav-tasks`, open count `nav-tasks-count`, overdue count in
 * red `nav-tasks-overdue`), to my submissions (`nav-submissions`) and, inside an app, to the
 * forms the caller may read (`nav-forms`, see FormsNav) and its dashboards (`nav-dashboards`,
 * see DashboardsNav). Counts refresh on every
 * navigation and once a minute; they stay hidden while unknown (e.g. the API is unreachable).
 */
export function HeaderNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const counts = useTaskCounts(true, pathname);
  const at = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const overdue = counts?.overdue ?? 0;
  return (
    <nav className="topnav" aria-label={t('nav.label')}>
      <a href="/app/tasks" onClick={linkClick} className={at('/app/tasks') ? 'active' : undefined} data-testid="nav-tasks" aria-current={at('/app/tasks') ? 'page' : undefined}>
        {t('nav.tasks')}
        {counts && counts.open > 0 && (
          <span className={`badge ${overdue > 0 ? 'badge-danger' : 'badge-accent'}`} data-testid="nav-tasks-count" title={t('nav.openCount', { count: counts.open })}>
            {counts.open}
          </span>
        )}
        {overdue > 0 && (
          <span className="badge badge-danger badge-outline" data-testid="nav-tasks-overdue" title={t('tasks.overdueCount', { count: overdue })}>
            {t('tasks.overdueShort', { count: overdue })}
          </span>
        )}
      </a>
      <a
        href="/app/submissions"
        onClick={linkClick}
        className={at('/app/submissions') || at('/app/instances') ? 'active' : undefined}
        data-testid="nav-submissions"
        aria-current={at('/app/submissions') ? 'page' : undefined}
      >
        {t('nav.submissions')}
      </a>
      <FormsNav pathname={pathname} />
      <DashboardsNav pathname={pathname} />
    </nav>
  );
}
