import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsoleState } from '../hooks/useConsoleState';
import { useForms } from '../hooks/useForms';
import { useRule } from '../hooks/useRule';
import { sampleFacts } from '../model/sample-facts';
import { useConsoleStore } from '../store/console-store';
import { runTest } from './run-test';

/**
 * The sample facts (JSON) and the Run button. Until edited, the facts follow a sample built from
 * the trigger's form (or the table's inputs); "Sample" brings the sample back.
 */
export function FactsEditor() {
  const { t } = useTranslation();
  const rule = useRule();
  const forms = useForms();
  const { facts, auto, running } = useConsoleState();
  const sample = useMemo(() => JSON.stringify(sampleFacts(rule, forms), null, 2), [rule, forms]);

  useEffect(() => {
    if (auto && facts !== sample) useConsoleStore.setState({ facts: sample });
  }, [auto, sample, facts]);

  return (
    <div className="facts">
      <div className="facts-head">
        <span className="rf-label">{t('rules.console.facts')}</span>
        <span className="muted small">{auto ? t('rules.console.factsAuto') : t('rules.console.factsEdited')}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-sm btn-ghost" disabled={auto} onClick={() => useConsoleStore.setState({ auto: true })} data-testid="console-sample">
          ↺ {t('rules.console.sample')}
        </button>
      </div>
      <textarea
        className="input mono facts-input"
        rows={12}
        spellCheck={false}
        value={facts}
        onChange={(e) => useConsoleStore.setState({ facts: e.target.value, auto: false })}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            void runTest();
          }
        }}
        data-testid="console-facts"
        data-auto={auto}
      />
      <div className="facts-foot">
        <span className="muted small">{t('rules.console.dryRunHint')}</span>
        <button type="button" className="btn btn-primary btn-sm" disabled={running} onClick={() => void runTest()} data-testid="console-run">
          ▶ {running ? t('rules.console.running') : t('rules.console.run')}
        </button>
      </div>
    </div>
  );
}
