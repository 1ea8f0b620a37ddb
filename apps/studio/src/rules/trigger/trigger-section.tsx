import { TRIGGER_EVENTS, type TriggerEvent } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../common/labeled';
import { ProblemHint } from '../common/problem-hint';
import { useTriggerRule } from '../hooks/useTriggerRule';
import { eventKey } from '../model/event-key';
import { changeEvent } from '../model/trigger-ops';
import { ruleEdit } from '../store/edit';
import { TriggerDetails } from './trigger-details';

/** "When": the event picker and the event's settings (form, changed fields, cron, hook, flow node). */
export function TriggerSection() {
  const { t } = useTranslation();
  const rule = useTriggerRule();
  const spec = rule.trigger;
  return (
    <section className="rule-card" data-path="/trigger">
      <header className="rule-card-head">
        <span className="rule-step">{t('rules.when')}</span>
        {t('rules.trigger')}
      </header>
      <div className="rule-grid">
        <Labeled label={t('rules.event')} hint={t(`${eventKey(spec.event)}_hint`)}>
          <select
            className="input"
            value={spec.event}
            onChange={(e) => ruleEdit.trigger((r) => ({ ...r, trigger: changeEvent(r.trigger, e.target.value as TriggerEvent) }))}
            data-testid="trigger-event"
            data-path="/trigger/event"
          >
            {TRIGGER_EVENTS.map((ev) => (
              <option key={ev} value={ev}>
                {t(eventKey(ev))}
              </option>
            ))}
          </select>
        </Labeled>
        <TriggerDetails spec={spec} />
      </div>
      <ProblemHint path="/trigger" />
    </section>
  );
}
