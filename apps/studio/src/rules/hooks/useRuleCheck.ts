import { useEffect, useRef } from 'react';
import { isApiError } from '../../api/api-error';
import { endpoints } from '../../api/endpoints';
import { useRuleContext } from '../store/rule-context';
import { useRuleUi } from '../store/rule-ui';
import { useRule } from './useRule';

/** Quiet time after the last edit before the definition is checked. */
const DEBOUNCE_MS = 400;

/**
 * Checks the current (unsaved) rule on the server (`POST …/rules/check`) 400 ms after the last
 * edit, against the app's draft forms and rules; answers to older versions are dropped. When
 * the server has no checker (404 / 405) it stops asking for the rest of the session.
 */
export function useRuleCheck(): void {
  const rule = useRule();
  const seq = useRef(0);
  useEffect(() => {
    if (useRuleUi.getState().check === 'unavailable') return;
    const mine = ++seq.current;
    const timer = window.setTimeout(() => {
      const { app, ruleKey } = useRuleContext.getState();
      useRuleUi.setState({ check: 'checking' });
      endpoints.checkRule(app, { ...rule, key: ruleKey || rule.key }).then(
        (res) => {
          if (mine === seq.current) useRuleUi.setState({ check: 'done', checkProblems: res.problems ?? [] });
        },
        (e: unknown) => {
          if (mine !== seq.current) return;
          const missing = isApiError(e, 404) || isApiError(e, 405);
          useRuleUi.setState({ check: missing ? 'unavailable' : 'idle' });
        },
      );
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [rule]);
}
