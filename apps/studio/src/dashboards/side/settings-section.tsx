import type { DashboardDefinition } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { SettingsInput } from '../../designer/settings/settings-input';
import { useDashboard } from '../hooks/useDashboard';
import { usePathProblems } from '../hooks/usePathProblems';
import { dashboardEdit } from '../store/edit';

function nameWith(d: DashboardDefinition, lang: 'zh-CN' | 'en', v: string): DashboardDefinition {
  const cur = typeof d.name === 'string' ? { 'zh-CN': d.name, en: d.name } : { 'zh-CN': '', en: '', ...d.name };
  return { ...d, name: { ...cur, [lang]: v } };
}

function withRefresh(d: DashboardDefinition, raw: string): DashboardDefinition {
  const { refreshSeconds: _r, ...rest } = d;
  const n = Math.floor(Number(raw));
  return raw !== '' && n > 0 ? { ...rest, refreshSeconds: n } : rest;
}

/** The dashboard's name in both languages and its auto-refresh interval. */
export function SettingsSection() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  const problems = usePathProblems('/refreshSeconds');
  const name = typeof dashboard.name === 'string' ? { 'zh-CN': dashboard.name, en: dashboard.name } : dashboard.name;
  return (
    <section className="prop-section" data-testid="dashboard-settings">
      <div className="prop-section-title">{t('dashboards.settings')}</div>
      <div className="prop-grid">
        <SettingsInput label={t('dashboards.nameZh')} testId="dashboard-name-zh" value={name['zh-CN'] ?? ''} onChange={(v) => dashboardEdit.update((d) => nameWith(d, 'zh-CN', v), 'name-zh')} />
        <SettingsInput label={t('dashboards.nameEn')} testId="dashboard-name-en" value={name.en ?? ''} onChange={(v) => dashboardEdit.update((d) => nameWith(d, 'en', v), 'name-en')} />
        <label className="prop-item">
          <span className="prop-label">{t('dashboards.refresh')}</span>
          <input type="number" min={0} className="input" value={dashboard.refreshSeconds ?? ''} onChange={(e) => dashboardEdit.update((d) => withRefresh(d, e.target.value), 'refresh')} data-testid="dashboard-refresh" />
          <span className="prop-hint">{t('dashboards.refreshHint')}</span>
        </label>
      </div>
      {problems.map((p, i) => (
        <div key={i} className="hint hint-bad">
          {p.message}
        </div>
      ))}
    </section>
  );
}
