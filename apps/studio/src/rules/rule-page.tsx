import { useTranslation } from 'react-i18next';
import { useUnsavedGuard } from '../designer/hooks/useUnsavedGuard';
import { ErrorText } from '../ui/error-text';
import { TestConsole } from './console/test-console';
import { useDirty } from './hooks/useDirty';
import { useLoadRule } from './hooks/useLoadRule';
import { useRule } from './hooks/useRule';
import { useRuleCheck } from './hooks/useRuleCheck';
import { useUndoShortcuts } from '../hooks/useUndoShortcuts';
import { ruleEdit } from './store/edit';
import { useStaleRunCleanup } from './hooks/useStaleRunCleanup';
import { ProblemsPanel } from './problems/problems-panel';
import { TableEditor } from './table/table-editor';
import { RuleToolbar } from './toolbar/rule-toolbar';
import { TriggerEditor } from './trigger/trigger-editor';
import '../styles/rules.css';

/** The rule editor route (`/apps/:app/rules/:rule`): a trigger rule or a decision table, plus the test console. */
export default function RulePage({ app, rule }: { app: string; rule: string }) {
  const { t } = useTranslation();
  const { loaded, error } = useLoadRule(app, rule);
  if (error) {
    return (
      <div className="page">
        <ErrorText error={error} />
      </div>
    );
  }
  if (!loaded) return <div className="page-loading">{t('common.loading')}</div>;
  return <RuleEditor />;
}

function RuleEditor() {
  const rule = useRule();
  const dirty = useDirty();
  // Expression editors route their own Ctrl+Z to the same history; the test console keeps the browser's.
  useUndoShortcuts(ruleEdit, { keepNative: '.cm-editor, .rule-console' });
  useUnsavedGuard(dirty);
  useRuleCheck();
  useStaleRunCleanup();
  return (
    <div className="rule-editor" data-testid="rule-editor" data-rule-type={rule.type}>
      <RuleToolbar />
      <div className="rule-body">
        <div className="rule-center">
          <div className="rule-scroll">{rule.type === 'trigger' ? <TriggerEditor /> : <TableEditor />}</div>
          <ProblemsPanel />
        </div>
        <TestConsole />
      </div>
    </div>
  );
}
