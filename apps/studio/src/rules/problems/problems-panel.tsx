import { useTranslation } from 'react-i18next';
import { useLocale } from '../../hooks/useLocale';
import { OtherDraftsProblems } from '../../ui/other-drafts-problems';
import { useProblems } from '../hooks/useProblems';
import { useRule } from '../hooks/useRule';
import { useRuleApp } from '../hooks/useRuleApp';
import { describePath } from '../model/problem-paths';
import { focusPath } from '../store/focus';
import { useRuleContext, type RuleContextState } from '../store/rule-context';
import { useRuleUi, type RuleUiState } from '../store/rule-ui';

const selectServer = (s: RuleUiState) => s.serverProblems;
const selectCheck = (s: RuleUiState) => s.check;
const selectKey = (s: RuleContextState) => s.ruleKey;

/**
 * Problems of this rule (live check, refused publish, last test run); a click focuses the
 * expression, input or grid cell it points at. Publish problems of other drafts are listed
 * below and open that draft.
 */
export function ProblemsPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const rule = useRule();
  const app = useRuleApp();
  const problems = useProblems();
  const server = useRuleUi(selectServer);
  const check = useRuleUi(selectCheck);
  const key = useRuleContext(selectKey);
  const elsewhere = server.filter((p) => !(p.kind === 'rules' && (p.key === key || p.key === rule.key)));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems rule-problems" data-testid="problem-list" data-count={problems.length} data-check={check}>
      <div className="pane-title">
        {t('problems.title')}
        <span className="muted small rule-check-state">{t(`rules.check.${check}`)}</span>
        <span className={errors ? 'badge badge-warn' : 'badge badge-ok'}>{problems.length}</span>
      </div>
      <ul className="problem-list">
        {problems.length === 0 && elsewhere.length === 0 && <li className="muted">{t('problems.none')}</li>}
        {problems.map((p, i) => (
          <li
            key={i}
            className={p.severity === 'warning' ? 'problem problem-warning' : 'problem'}
            data-testid={`problem-${i}`}
            data-problem-path={p.path}
            data-code={p.code}
            data-source={p.source}
            onClick={() => focusPath(p.path, p)}
          >
            <span className="problem-where">{describePath(rule, p.path, t, locale)}</span>
            <span>{p.message}</span>
            {p.line !== undefined && <span className="muted small">{t('rules.console.lineCol', { line: p.line, column: p.column ?? 1 })}</span>}
            <span className="problem-source">{t(`rules.problemSource.${p.source}`)}</span>
            <code className="muted-code">{p.code}</code>
          </li>
        ))}
      </ul>
      <OtherDraftsProblems app={app} problems={elsewhere} testIdPrefix="problem" />
    </section>
  );
}
