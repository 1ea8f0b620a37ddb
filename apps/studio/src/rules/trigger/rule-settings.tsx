import { TRACE_MODES, type TraceMode } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../common/labeled';
import { TitleInputs } from '../common/title-inputs';
import { useTriggerRule } from '../hooks/useTriggerRule';
import { ruleEdit } from '../store/edit';

/** Title, enabled switch, priority and trace mode of a trigger rule. */
export function RuleSettings() {
  const { t } = useTranslation();
  const rule = useTriggerRule();
  const enabled = rule.enabled !== false;
  return (
    <section className="rule-card">
      <header className="rule-card-head">{t('rules.settings')}</header>
      <div className="rule-grid">
        <TitleInputs />
        <Labeled label={t('rules.enabled')} hint={t('rules.enabledHint')}>
          <label className="switch">
            <input
              type="checkbox"
              checked={enabled}
              onChange={(e) => ruleEdit.trigger((r) => ({ ...r, enabled: e.target.checked }))}
              data-testid="rule-enabled"
              data-path="/enabled"
            />
            <span className="switch-track" aria-hidden />
            <span>{enabled ? t('rules.on') : t('rules.off')}</span>
          </label>
        </Labeled>
        <Labeled label={t('rules.priority')} hint={t('rules.priorityHint')} path="/priority">
          <input
            className="input"
            type="number"
            step={1}
            value={rule.priority ?? ''}
            placeholder="100"
            onChange={(e) => {
              const v = e.target.value;
              ruleEdit.trigger((r) => {
                const next = { ...r };
                if (v === '') delete next.priority;
                else next.priority = Math.trunc(Number(v));
                return next;
              }, '/priority');
            }}
            data-testid="rule-priority"
            data-path="/priority"
          />
        </Labeled>
        <TraceSelect value={rule.trace} />
      </div>
    </section>
  );
}

/** Which evaluations keep a trace (shared by both editors). */
export function TraceSelect({ value }: { value: TraceMode | undefined }) {
  const { t } = useTranslation();
  return (
    <Labeled label={t('rules.trace')} hint={t('rules.traceHint')}>
      <select
        className="input"
        value={value ?? 'all'}
        onChange={(e) => ruleEdit.rule((r) => ({ ...r, trace: e.target.value as TraceMode }))}
        data-testid="rule-trace"
        data-path="/trace"
      >
        {TRACE_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`rules.traceModes.${m}`)}
          </option>
        ))}
      </select>
    </Labeled>
  );
}
