import { useTranslation } from 'react-i18next';
import { useConsoleState } from '../hooks/useConsoleState';
import { useConsoleStore } from '../store/console-store';
import { FactsEditor } from './facts-editor';
import { RunResult } from './run-result';
import { TracesTab } from './traces-tab';

/** The side panel: dry-run the current rule with sample facts, or browse recent runs of the published one. */
export function TestConsole() {
  const { t } = useTranslation();
  const { tab } = useConsoleState();
  const setTab = (next: 'test' | 'traces') => useConsoleStore.setState({ tab: next });
  return (
    <aside className="rule-console" data-testid="console">
      <div className="console-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'test'} className={tab === 'test' ? 'is-active' : ''} onClick={() => setTab('test')} data-testid="console-tab-test">
          {t('rules.console.test')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'traces'} className={tab === 'traces' ? 'is-active' : ''} onClick={() => setTab('traces')} data-testid="console-tab-traces">
          {t('rules.console.traces')}
        </button>
      </div>
      {tab === 'test' ? (
        <div className="console-pane">
          <FactsEditor />
          <RunResult />
        </div>
      ) : (
        <div className="console-pane">
          <TracesTab />
        </div>
      )}
    </aside>
  );
}
