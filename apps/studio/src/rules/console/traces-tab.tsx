import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import { useAsync } from '../../hooks/useAsync';
import { useLocale } from '../../hooks/useLocale';
import { ErrorText } from '../../ui/error-text';
import { useRuleContext, type RuleContextState } from '../store/rule-context';
import { useConsoleStore } from '../store/console-store';
import { JsonView } from './json-view';

const selectApp = (s: RuleContextState) => s.app;
const selectKey = (s: RuleContextState) => s.ruleKey;

/** Recent evaluations of the published rule (`GET …/rules/{key}/traces`), each with its facts and outcome. */
export function TracesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const app = useRuleContext(selectApp);
  const key = useRuleContext(selectKey);
  const { data, error, loading, reload } = useAsync(() => endpoints.ruleTraces(app, key, 20), [app, key]);
  const [open, setOpen] = useState<number | null>(null);
  const items = data?.items ?? [];
  const loadFacts = (facts: unknown) =>
    useConsoleStore.setState({ facts: JSON.stringify(facts ?? {}, null, 2), auto: false, tab: 'test' });
  return (
    <div className="traces" data-testid="traces">
      <div className="facts-head">
        <span className="muted small">{t('rules.console.tracesHint')}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-sm btn-ghost" onClick={reload} disabled={loading} data-testid="traces-reload">
          ↻ {t('rules.console.reload')}
        </button>
      </div>
      {error && isApiError(error, 404) ? <div className="muted small">{t('rules.console.noTraces')}</div> : <ErrorText error={error} />}
      {data && items.length === 0 && <div className="muted small pad">{t('rules.console.noTraces')}</div>}
      <ul className="trace-list">
        {items.map((tr, i) => (
          <li key={`${tr.id}-${i}`} data-testid={`trace-${i}`} data-ok={tr.ok}>
            <button type="button" className="trace-head" onClick={() => setOpen(open === i ? null : i)} aria-expanded={open === i}>
              <span className={tr.ok ? 'badge badge-ok' : 'badge badge-bad'}>{tr.ok ? t('rules.console.ok') : t('rules.console.failed')}</span>
              <span>{new Date(tr.at).toLocaleString(locale)}</span>
              <span className="muted small">
                v{tr.version} · {tr.event} · {(tr.durationUs / 1000).toFixed(2)} ms
              </span>
            </button>
            {open === i && (
              <div className="trace-body" data-testid={`trace-details-${i}`}>
                {tr.error && (
                  <div className="run-error">
                    <strong>{tr.error.message}</strong> <code className="error-code">{tr.error.code}</code>
                    {tr.error.path ? <div className="small muted">{tr.error.path}</div> : null}
                  </div>
                )}
                <div className="rf-label">{t('rules.console.facts')}</div>
                <JsonView value={tr.facts} />
                <div className="rf-label">{t('rules.console.outcome')}</div>
                <JsonView value={tr.outcome} />
                <button type="button" className="btn btn-sm" onClick={() => loadFacts(tr.facts)} data-testid={`trace-use-${i}`}>
                  {t('rules.console.useFacts')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
