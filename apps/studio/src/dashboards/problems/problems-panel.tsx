import { useTranslation } from 'react-i18next';
import { OtherDraftsProblems } from '../../ui/other-drafts-problems';
import { useDashboardApp } from '../hooks/useDashboardApp';
import { useProblems } from '../hooks/useProblems';
import { useDashboardUi, type DashboardUiState } from '../store/dashboard-ui';

const selectServer = (s: DashboardUiState) => s.serverProblems;

/** Selects the filter a problem points at (`/filters/<i>`). */
function focus(path: string): void {
  const m = /^\/filters\/(\d+)/.exec(path);
  if (m) useDashboardUi.setState({ selectedFilter: Number(m[1]) });
}

/** Problems of this dashboard (live validation, last refused publish); publish problems of other drafts below. */
export function DashboardProblems() {
  const { t } = useTranslation();
  const { app, dashboardKey } = useDashboardApp();
  const problems = useProblems();
  const server = useDashboardUi(selectServer);
  const elsewhere = server.filter((p) => !(p.kind === 'dashboards' && p.key === dashboardKey));
  return (
    <section className="problems dashboard-problems" data-testid="dashboard-problems" data-count={problems.length}>
      <div className="pane-title">
        {t('problems.title')}
        <span className={problems.length ? 'badge badge-warn' : 'badge badge-ok'}>{problems.length}</span>
      </div>
      <ul className="problem-list">
        {problems.length === 0 && elsewhere.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {problems.map((p, i) => (
          <li key={i} className="problem" data-testid={`dashboard-problem-${i}`} data-code={p.code} data-problem-path={p.path} data-source={p.source} onClick={() => focus(p.path)}>
            <span>{p.message}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
      <OtherDraftsProblems app={app} problems={elsewhere} testIdPrefix="dashboard-problem" />
    </section>
  );
}
