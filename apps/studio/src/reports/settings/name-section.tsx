import type { ReportDefinition } from '@kiln/engine-reports';
import { useTranslation } from 'react-i18next';
import { SettingsInput } from '../../designer/settings/settings-input';
import { useReport } from '../hooks/useReport';
import { reportEdit } from '../store/edit';
import { SectionProblems } from './section-problems';

function nameWith(r: ReportDefinition, lang: 'zh-CN' | 'en', v: string): ReportDefinition {
  const cur = typeof r.name === 'string' ? { 'zh-CN': r.name, en: r.name } : { 'zh-CN': '', en: '', ...r.name };
  return { ...r, name: { ...cur, [lang]: v } };
}

/** The report's name in both languages. */
export function NameSection() {
  const { t } = useTranslation();
  const { name } = useReport();
  const text = typeof name === 'string' ? { 'zh-CN': name, en: name } : name;
  return (
    <section className="prop-section" data-section="name">
      <div className="prop-section-title">{t('reports.settings.report')}</div>
      <div className="prop-grid">
        <SettingsInput label={t('reports.nameZh')} testId="report-name-zh" value={text['zh-CN'] ?? ''} onChange={(v) => reportEdit.update((r) => nameWith(r, 'zh-CN', v), 'name-zh')} />
        <SettingsInput label={t('reports.nameEn')} testId="report-name-en" value={text.en ?? ''} onChange={(v) => reportEdit.update((r) => nameWith(r, 'en', v), 'name-en')} />
      </div>
      <SectionProblems section="name" />
    </section>
  );
}
