import { useTranslation } from 'react-i18next';
import type { CallStep } from '../api/types';
import { CallErrorView, RequestView, ResponseView } from './request-view';

/**
 * The steps of a real call (test call, delivery attempt): each request as sent and the response
 * as received, skipped steps, re-logins, errors. Items are `<prefix>-<i>` (`data-step`, `data-status`).
 */
export function StepsView({ steps, prefix }: { steps: readonly CallStep[]; prefix: string }) {
  const { t } = useTranslation();
  if (steps.length === 0) return <p className="muted small">{t('connectors.calls.noSteps')}</p>;
  return (
    <ol className="conn-steps" data-testid={prefix} data-count={steps.length}>
      {steps.map((s, i) => (
        <li key={i} className="conn-step" data-testid={`${prefix}-${i}`} data-step={s.step} data-skipped={!!s.skipped} data-status={s.response?.status ?? ''}>
          <div className="conn-step-head">
            <strong>{s.step}</strong>
            {s.skipped && <span className="badge">{t('connectors.calls.skipped')}</span>}
            {s.relogin && <span className="badge badge-warn">{t('connectors.calls.relogin')}</span>}
          </div>
          {s.request && <RequestView req={s.request} testId={`${prefix}-${i}-request`} />}
          {s.response && <ResponseView res={s.response} testId={`${prefix}-${i}-response`} />}
          {s.error && <CallErrorView error={s.error} testId={`${prefix}-${i}-error`} />}
        </li>
      ))}
    </ol>
  );
}
