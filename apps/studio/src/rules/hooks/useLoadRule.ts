import type { FormDefinition } from '@kiln/engine-forms';
import type { RuleDefinition } from '@kiln/engine-rules';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints';
import { normalizeRule } from '../model/normalize';
import { useConsoleStore } from '../store/console-store';
import { useRuleContext } from '../store/rule-context';
import { loadRule } from '../store/rule-store';
import { useRuleUi } from '../store/rule-ui';

const noItems = () => ({ items: [] as { key: string }[] });

/**
 * Loads the rule draft and what its pickers need (draft forms, other draft rules, flow and
 * connector keys) into the editor's stores; returns the load state.
 */
export function useLoadRule(app: string, key: string): { loaded: boolean; error: unknown } {
  const [state, setState] = useState<{ loaded: boolean; error: unknown }>({ loaded: false, error: undefined });
  useEffect(() => {
    let live = true;
    setState({ loaded: false, error: undefined });
    Promise.all([
      endpoints.getRule(app, key),
      endpoints.listForms(app).catch(() => ({ items: [] })),
      endpoints.listRules(app).catch(() => ({ items: [] })),
      endpoints.listDraftKeys(app, 'flows').catch(noItems),
      endpoints.listDraftKeys(app, 'connectors').catch(noItems),
    ]).then(
      ([draft, forms, rules, flows, connectors]) => {
        if (!live) return;
        const formMap: Record<string, FormDefinition> = {};
        for (const d of forms.items) if (d.definition) formMap[d.key] = { ...d.definition, fields: d.definition.fields ?? [] };
        const ruleMap: Record<string, RuleDefinition> = {};
        for (const d of rules.items) if (d.key !== key && d.definition) ruleMap[d.key] = d.definition;
        const rule = normalizeRule(draft.definition, key);
        useRuleContext.setState({
          app,
          ruleKey: key,
          forms: formMap,
          rules: ruleMap,
          flows: flows.items.map((d) => d.key),
          connectors: connectors.items.map((d) => d.key),
        });
        loadRule(rule);
        useRuleUi.setState({ savedJson: JSON.stringify(rule), busy: null, result: null, serverProblems: [], checkProblems: [], check: 'idle' });
        useConsoleStore.setState({ tab: 'test', facts: '', auto: true, running: false, response: null, requestError: undefined, ranJson: '', inlineError: null });
        setState({ loaded: true, error: undefined });
      },
      (error: unknown) => live && setState({ loaded: false, error }),
    );
    return () => {
      live = false;
    };
  }, [app, key]);
  return state;
}
