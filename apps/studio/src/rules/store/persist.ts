import type { RuleDefinition } from '@kiln/engine-rules';
import { ApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import type { PublishProblem } from '../../api/types';
import i18n from '../../i18n';
import { useRuleContext } from './rule-context';
import { useRuleStore } from './rule-store';
import { useRuleUi, type SaveResult } from './rule-ui';

function errorResult(e: unknown): SaveResult {
  return e instanceof ApiError
    ? { kind: 'error', message: e.message, code: e.code }
    : { kind: 'error', message: e instanceof Error ? e.message : i18n.t('errors.generic') };
}

/** The rule as stored: always under the route's key (the draft is never renamed here). */
export function storedRule(): RuleDefinition {
  const { ruleKey } = useRuleContext.getState();
  const rule = useRuleStore.getState().rule;
  return { ...rule, key: ruleKey || rule.key };
}

/** Saves the draft (`PUT /api/apps/{app}/rules/{key}`). */
export async function saveRuleDraft(): Promise<boolean> {
  const { app, ruleKey } = useRuleContext.getState();
  const def = storedRule();
  useRuleUi.setState({ busy: 'saving', result: null });
  try {
    await endpoints.saveRule(app, ruleKey, def);
    useRuleUi.setState({ savedJson: JSON.stringify(def), busy: null, result: { kind: 'saved' } });
    return true;
  } catch (e) {
    useRuleUi.setState({ busy: null, result: errorResult(e) });
    return false;
  }
}

/** Saves, then publishes the app; a 422 lists the problems of every draft (rules, forms, …). */
export async function publishRuleApp(): Promise<void> {
  if (!(await saveRuleDraft())) return;
  const { app } = useRuleContext.getState();
  useRuleUi.setState({ busy: 'publishing', result: null });
  try {
    const { version } = await endpoints.publish(app);
    useRuleUi.setState({ busy: null, serverProblems: [], result: { kind: 'published', version } });
  } catch (e) {
    const problems =
      e instanceof ApiError && e.status === 422 ? ((e.details as { problems?: PublishProblem[] } | undefined)?.problems ?? []) : null;
    if (problems) useRuleUi.setState({ busy: null, serverProblems: problems, result: { kind: 'refused', count: problems.length } });
    else useRuleUi.setState({ busy: null, result: errorResult(e) });
  }
}
