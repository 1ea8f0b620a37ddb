import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { ProblemsAt } from '../common/problems-at';
import { useAppDrafts } from '../hooks/useAppDrafts';
import { useRole } from '../hooks/useRole';
import { reportsMode, setFlowStart, setReport, setReportsMode } from '../model/grant-ops';
import { roleEdit } from '../store/edit';

/**
 * Flows the holders may start (`role-flow-<key>`), and the reports they may open: all
 * (`role-reports-all`) or a chosen list (`role-reports-chosen`, `role-report-<key>`).
 */
export function FlowsReportsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const role = useRole();
  const { flows, reports } = useAppDrafts();
  const mode = reportsMode(role);
  const chosen = Array.isArray(role.reports) ? role.reports : [];
  const reportOrder = reports.map((r) => r.key);
  return (
    <div className="role-grid-2 role-flows-reports">
      <section className="role-card" data-testid="role-flows" data-path="/flows">
        <div className="role-card-title">{t('roles.flows.title')}</div>
        <p className="hint role-card-hint">{t('roles.flows.hint')}</p>
        {flows.length === 0 && <div className="muted">{t('roles.flows.none')}</div>}
        <div className="role-check-list">
          {flows.map((f) => (
            <label key={f.key} className="role-check">
              <input
                type="checkbox" checked={!!role.flows?.[f.key]?.start} data-testid={`role-flow-${f.key}`}
                onChange={(e) => roleEdit.structural((r) => setFlowStart(r, f.key, e.target.checked))}
              />
              {pick(f.name, locale, f.key)} <code className="muted-code">{f.key}</code>
            </label>
          ))}
        </div>
        <ProblemsAt path="/flows" within />
      </section>
      <section className="role-card" data-testid="role-reports" data-path="/reports" data-mode={mode}>
        <div className="role-card-title">{t('roles.reports.title')}</div>
        <p className="hint role-card-hint">{t('roles.reports.hint')}</p>
        <div className="role-checks">
          <label className="role-check">
            <input type="radio" name="role-reports-mode" checked={mode === 'all'} onChange={() => roleEdit.structural((r) => setReportsMode(r, 'all'))} data-testid="role-reports-all" />
            {t('roles.reports.all')}
          </label>
          <label className="role-check">
            <input type="radio" name="role-reports-mode" checked={mode === 'chosen'} onChange={() => roleEdit.structural((r) => setReportsMode(r, 'chosen'))} data-testid="role-reports-chosen" />
            {t('roles.reports.chosen')}
          </label>
        </div>
        {mode === 'chosen' && (
          <div className="role-check-list">
            {reports.length === 0 && <div className="muted">{t('roles.reports.none')}</div>}
            {reports.map((r) => (
              <label key={r.key} className="role-check">
                <input
                  type="checkbox" checked={chosen.includes(r.key)} data-testid={`role-report-${r.key}`}
                  onChange={(e) => roleEdit.structural((d) => setReport(d, r.key, e.target.checked, reportOrder))}
                />
                {pick(r.name, locale, r.key)} <code className="muted-code">{r.key}</code>
              </label>
            ))}
          </div>
        )}
        <ProblemsAt path="/reports" within />
      </section>
    </div>
  );
}
