import type { TriggerSpec } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { Labeled } from '../common/labeled';
import { CRON_PRESETS, looksLikeCron } from '../model/trigger-ops';
import { ruleEdit } from '../store/edit';

type Schedule = Extract<TriggerSpec, { event: 'schedule' }>;

const setSchedule = (fn: (s: Schedule) => Schedule, group?: string) =>
  ruleEdit.trigger((r) => (r.trigger.event === 'schedule' ? { ...r, trigger: fn(r.trigger) } : r), group);

/** Cron expression with presets (every hour, daily 03:00, …) and the time zone. */
export function CronInput({ cron, timezone }: { cron: string; timezone?: string }) {
  const { t } = useTranslation();
  const preset = CRON_PRESETS.find((p) => p.cron === cron.trim());
  const bad = cron.trim() !== '' && !looksLikeCron(cron);
  return (
    <>
      <Labeled
        label={t('rules.cron')}
        hint={bad ? <span className="hint-bad">{t('rules.cronBad')}</span> : preset ? t(`rules.cronPresets.${preset.id}`) : t('rules.cronHint')}
        path="/trigger/cron"
        wide
      >
        <div className="inline-inputs">
          <input
            className="input mono"
            value={cron}
            onChange={(e) => setSchedule((s) => ({ ...s, cron: e.target.value }), '/trigger/cron')}
            placeholder="0 3 * * *"
            data-testid="trigger-cron"
            data-path="/trigger/cron"
          />
          <div className="btn-group">
            {CRON_PRESETS.map((p) => (
              <button
                key={p.id}
                type="button"
                className={p.cron === cron.trim() ? 'btn btn-sm is-active' : 'btn btn-sm'}
                onClick={() => setSchedule((s) => ({ ...s, cron: p.cron }))}
                data-testid={`trigger-cron-${p.id}`}
              >
                {t(`rules.cronPresets.${p.id}`)}
              </button>
            ))}
          </div>
        </div>
      </Labeled>
      <Labeled label={t('rules.timezone')} path="/trigger/timezone">
        <input
          className="input"
          value={timezone ?? ''}
          placeholder="Asia/Shanghai"
          onChange={(e) =>
            setSchedule((s) => {
              const next = { ...s };
              if (e.target.value.trim()) next.timezone = e.target.value.trim();
              else delete next.timezone;
              return next;
            }, '/trigger/timezone')
          }
          data-testid="trigger-timezone"
          data-path="/trigger/timezone"
        />
      </Labeled>
    </>
  );
}
