import type { RuleOutcome, TableOutcome } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/error-text';
import { useConsoleState } from '../hooks/useConsoleState';
import { useRule } from '../hooks/useRule';
import { JsonView } from './json-view';
import { RuleOutcomeView } from './rule-outcome-view';
import { RunError } from './run-error';
import { TableOutcomeView } from './table-outcome-view';

/** True for a decision table's outcome (`matched` is a list of row ids, not a boolean). */
export function isTableOutcome(o: RuleOutcome | TableOutcome): o is TableOutcome {
  return Array.isArray((o as TableOutcome).matched);
}

function lookupCount(lookups: unknown): number | null {
  if (typeof lookups === 'number') return lookups;
  if (Array.isArray(lookups)) return lookups.length;
  return null;
}

/** The last dry run: matched or not, effects / outputs, or the error; duration and lookups. */
export function RunResult() {
  const { t } = useTranslation();
  const rule = useRule();
  const { response, requestError, ranJson } = useConsoleState();
  if (requestError) {
    return (
      <div className="run-result" data-testid="console-result" data-state="failed">
        <ErrorText error={requestError} />
      </div>
    );
  }
  if (!response) {
    return (
      <div className="run-result muted small" data-testid="console-result" data-state="idle">
        {t('rules.console.noRun')}
      </div>
    );
  }
  const stale = ranJson !== JSON.stringify(rule);
  const matched = response.ok ? (isTableOutcome(response.outcome) ? response.outcome.matched.length > 0 : response.outcome.matched) : false;
  const lookups = lookupCount(response.trace?.lookups);
  return (
    <div className="run-result" data-testid="console-result" data-state={response.ok ? 'ok' : 'error'} data-matched={matched}>
      <div className="run-summary">
        {response.ok ? (
          <span className={matched ? 'badge badge-ok' : 'badge'} data-testid="console-matched" data-matched={matched}>
            {matched ? t('rules.console.matchedYes') : t('rules.console.matchedNo')}
          </span>
        ) : (
          <span className="badge badge-bad">{t('rules.console.failed')}</span>
        )}
        <span className="muted small" data-testid="console-duration">
          {t('rules.console.duration', { ms: ((response.trace?.durationUs ?? 0) / 1000).toFixed(2) })}
        </span>
        {lookups !== null && <span className="muted small">{t('rules.console.lookups', { count: lookups })}</span>}
      </div>
      {stale && (
        <div className="console-stale" data-testid="console-stale">
          {t('rules.console.stale')}
        </div>
      )}
      {response.ok ? (
        isTableOutcome(response.outcome) ? (
          <TableOutcomeView outcome={response.outcome} />
        ) : (
          <RuleOutcomeView outcome={response.outcome} />
        )
      ) : (
        <RunError error={response.error} />
      )}
      {Array.isArray(response.trace?.lookups) && response.trace.lookups.length > 0 && (
        <details className="console-details">
          <summary>{t('rules.console.lookupList')}</summary>
          <JsonView value={response.trace.lookups} />
        </details>
      )}
    </div>
  );
}
