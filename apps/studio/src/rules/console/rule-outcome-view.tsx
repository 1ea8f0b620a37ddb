import type { RuleOutcome } from '@kiln/engine-rules';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { useForms } from '../hooks/useForms';
import { describeEffect } from '../model/describe-effect';
import { JsonView } from './json-view';

/** A trigger rule's dry run: effects as sentences, which actions ran, tables' matched rows, results. */
export function RuleOutcomeView({ outcome }: { outcome: RuleOutcome }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const forms = useForms();
  const effects = outcome.effects ?? [];
  const tables = Object.entries(outcome.tables ?? {});
  return (
    <>
      <div className="console-section">
        <div className="rf-label">{t('rules.console.effects', { count: effects.length })}</div>
        {effects.length === 0 ? (
          <div className="muted small">{outcome.matched ? t('rules.console.noEffects') : t('rules.console.notMatchedHint')}</div>
        ) : (
          <ol className="effect-list" data-testid="console-effects">
            {effects.map((e, i) => {
              const d = describeEffect(e, forms, locale);
              return (
                <li key={i} data-testid={`console-effect-${i}`} data-type={e.type} className={e.type === 'reject' ? 'is-reject' : ''}>
                  <div>
                    <strong>{t(`rules.effects.${d.key}`, d.params)}</strong> <code className="muted-code">{e.action}</code>
                  </div>
                  {d.values.length > 0 && (
                    <ul className="effect-values">
                      {d.values.map(([k, v], j) => (
                        <li key={j}>
                          <code>{k}</code> = <span>{v}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {(outcome.actions ?? []).length > 0 && (
        <div className="console-section">
          <div className="rf-label">{t('rules.console.actions')}</div>
          <ul className="action-trace" data-testid="console-actions">
            {outcome.actions.map((a) => (
              <li key={a.id} data-testid={`console-action-${a.id}`} data-ran={a.ran}>
                <code>{a.id}</code> {a.ran ? t('rules.console.ran') : t('rules.console.skipped')}
                {a.iterations !== undefined ? ` · ${t('rules.console.iterations', { count: a.iterations })}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {tables.length > 0 && (
        <div className="console-section">
          <div className="rf-label">{t('rules.console.tables')}</div>
          <ul className="action-trace">
            {tables.map(([id, tab]) => (
              <li key={id} data-testid={`console-table-${id}`}>
                <code>{id}</code> {t('rules.console.rowsMatched', { rows: tab.matched.join(', ') || '—' })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {Object.keys(outcome.results ?? {}).length > 0 && (
        <details className="console-details">
          <summary>{t('rules.console.results')}</summary>
          <JsonView value={outcome.results} testId="console-results" />
        </details>
      )}
    </>
  );
}
