import type { FlowDefinition } from '@kiln/engine-flow';
import { useTranslation } from 'react-i18next';
import { SettingsInput } from '../../designer/settings/settings-input';
import { useLocale } from '../../hooks/useLocale';
import { pick } from '../../ui/localized';
import { useFlow } from '../hooks/useFlow';
import { useForms } from '../hooks/useForms';
import { useProblems } from '../hooks/useProblems';
import { flowEdit } from '../store/edit';
import { CalendarSection } from './calendar-section';
import { ResultsSection } from './results-section';

function nameWith(f: FlowDefinition, lang: 'zh-CN' | 'en', v: string): FlowDefinition {
  const cur = typeof f.name === 'string' ? { 'zh-CN': f.name, en: f.name } : f.name;
  return { ...f, name: { ...cur, [lang]: v } };
}

/** Flow-level settings: name, the form it runs on, on/off, the business calendar and result fields. */
export function FlowSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const flow = useFlow();
  const forms = useForms();
  const keys = Object.keys(forms).sort();
  const name = typeof flow.name === 'string' ? { 'zh-CN': flow.name, en: flow.name } : flow.name;
  return (
    <div className="settings-panel flow-settings" data-testid="flow-settings">
      <section className="prop-section">
        <div className="prop-section-title">{t('flows.settings.flow')}</div>
        <div className="prop-grid">
          <SettingsInput label={t('flows.nameZh')} testId="flow-name-zh" value={name['zh-CN']} onChange={(v) => flowEdit.flow((f) => nameWith(f, 'zh-CN', v), 'name-zh')} />
          <SettingsInput label={t('flows.nameEn')} testId="flow-name-en" value={name.en} onChange={(v) => flowEdit.flow((f) => nameWith(f, 'en', v), 'name-en')} />
          <label className="prop-item" data-path="/form">
            <span className="prop-label">{t('flows.settings.form')}</span>
            <select className="input" value={flow.form} onChange={(e) => flowEdit.flow((f) => ({ ...f, form: e.target.value }))} data-testid="flow-form">
              <option value="">{t('rules.pickForm')}</option>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {pick(forms[k].title, locale, k)} ({k})
                </option>
              ))}
              {flow.form && !forms[flow.form] && <option value={flow.form}>{t('rules.unknownKey', { key: flow.form })}</option>}
            </select>
            <span className="prop-hint">{t('flows.settings.formHint')}</span>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={flow.enabled !== false}
              onChange={(e) =>
                flowEdit.flow((f) => {
                  const { enabled: _drop, ...rest } = f;
                  return e.target.checked ? rest : { ...rest, enabled: false };
                })
              }
              data-testid="flow-enabled"
            />
            {t('flows.settings.enabled')}
          </label>
        </div>
      </section>
      <FlowLevelProblems />
      <ResultsSection />
      <CalendarSection />
    </div>
  );
}

/** Problems of the flow as a whole (not about one node or edge), e.g. no start or no form. */
function FlowLevelProblems() {
  const problems = useProblems().filter((p) => !p.nodeId && !p.edgeId);
  if (!problems.length) return null;
  return (
    <ul className="expr-messages flow-level-problems" data-testid="flow-level-problems">
      {problems.map((p, i) => (
        <li key={i} className="is-error">
          {p.message}
          <code>{p.code}</code>
        </li>
      ))}
    </ul>
  );
}
